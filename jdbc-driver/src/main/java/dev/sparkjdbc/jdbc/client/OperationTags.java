package dev.sparkjdbc.jdbc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The tags a connection puts on every operation it starts, so that operators can tell tools apart
 * on the server: Spark shows them with the operation (Connect tab of the Spark UI, its listener
 * events, {@code SparkSession.interruptTag}) and on the operation's Spark jobs.
 *
 * <p>{@code user_agent=<user_agent property>} always; {@code application=<name>} once the client
 * info property {@code ApplicationName} (initially the {@code application_name} property) is set.
 */
public final class OperationTags {
  public static final String APPLICATION_NAME = "ApplicationName";

  /** Longer values are cut: every tag is carried by each of the operation's Spark jobs. */
  public static final int MAX_VALUE_LENGTH = 256;

  private OperationTags() {}

  public static List<String> of(String userAgent, Properties clientInfo) {
    List<String> tags = new ArrayList<>(2);
    tags.add(tag("user_agent", userAgent));
    String application = clientInfo.getProperty(APPLICATION_NAME);
    if (application != null && !application.isBlank()) {
      tags.add(tag("application", application));
    }
    return List.copyOf(tags);
  }

  /**
   * Spark refuses a tag that is empty or holds a comma (its job-tag separator), and would then
   * refuse the whole operation: commas become semicolons and control characters spaces.
   */
  private static String tag(String key, String value) {
    String clean = value.strip();
    if (clean.length() > MAX_VALUE_LENGTH) {
      clean = clean.substring(0, MAX_VALUE_LENGTH);
    }
    StringBuilder text = new StringBuilder(key).append('=');
    clean
        .codePoints()
        .forEach(c -> text.appendCodePoint(c == ',' ? ';' : Character.isISOControl(c) ? ' ' : c));
    return text.toString();
  }
}

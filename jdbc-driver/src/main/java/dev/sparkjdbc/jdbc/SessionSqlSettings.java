package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.plan.SessionSettings;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session settings that change how Spark reads SQL ({@link SessionSettings}), followed through
 * the {@code SET key=value} and {@code RESET [key]} statements this connection runs, so that the
 * translator reads the next statements as the session does. It starts from Spark's defaults: a
 * server configured otherwise (spark-defaults, {@code --conf}) is not asked, since that would cost
 * every connection a round trip; there, run the SET on the connection or use {@code
 * translation_mode=text}. A value that is not a boolean counts as the setting that keeps the
 * translator most careful (statements it affects go as text).
 */
final class SessionSqlSettings {
  static final String ANSI = "spark.sql.ansi.enabled";
  static final String DOUBLE_QUOTED_IDENTIFIERS = "spark.sql.ansi.doubleQuotedIdentifiers";
  static final String SETOPS_PRECEDENCE = "spark.sql.legacy.setopsPrecedence.enabled";
  static final String CASE_SENSITIVE = "spark.sql.caseSensitive";

  private static final String LEADING = "(?is)\\A\\s*(?:(?:--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)\\s*)*";
  private static final Pattern SET =
      Pattern.compile(LEADING + "SET\\s+`?([A-Za-z0-9_.]+)`?\\s*=\\s*(.*?)[\\s;]*\\z");
  private static final Pattern RESET =
      Pattern.compile(LEADING + "RESET(?:\\s+`?([A-Za-z0-9_.]+)`?)?[\\s;]*\\z");

  private SessionSettings settings = SessionSettings.DEFAULT;

  SessionSettings settings() {
    return settings;
  }

  /** Follows a SET or RESET statement the session ran; true when the settings changed. */
  boolean apply(String sql) {
    SessionSettings before = settings;
    Matcher set = SET.matcher(sql);
    if (set.matches()) {
      settings = with(settings, set.group(1), set.group(2));
    } else {
      Matcher reset = RESET.matcher(sql);
      if (reset.matches()) {
        settings =
            reset.group(1) == null ? SessionSettings.DEFAULT : reset(settings, reset.group(1));
      }
    }
    return !settings.equals(before);
  }

  private static SessionSettings reset(SessionSettings s, String key) {
    Map<String, Boolean> defaults =
        Map.of(
            ANSI, SessionSettings.DEFAULT.ansi(),
            DOUBLE_QUOTED_IDENTIFIERS, SessionSettings.DEFAULT.doubleQuotedIdentifiers(),
            SETOPS_PRECEDENCE, SessionSettings.DEFAULT.legacySetOpsPrecedence(),
            CASE_SENSITIVE, SessionSettings.DEFAULT.caseSensitive());
    Boolean value = defaults.get(key);
    return value == null ? s : with(s, key, value.toString());
  }

  private static SessionSettings with(SessionSettings s, String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    boolean isTrue = v.equals("true");
    boolean known = isTrue || v.equals("false");
    // Spark's configuration keys are case-sensitive: matched as Spark spells them.
    return switch (key) {
      // unknown ANSI: assume on, where double quotes may be names
      case ANSI ->
          new SessionSettings(
              known ? isTrue : true,
              s.doubleQuotedIdentifiers(),
              s.legacySetOpsPrecedence(),
              s.caseSensitive());
      case DOUBLE_QUOTED_IDENTIFIERS ->
          new SessionSettings(
              s.ansi(), known ? isTrue : true, s.legacySetOpsPrecedence(), s.caseSensitive());
      case SETOPS_PRECEDENCE ->
          new SessionSettings(
              s.ansi(), s.doubleQuotedIdentifiers(), known ? isTrue : true, s.caseSensitive());
      case CASE_SENSITIVE ->
          new SessionSettings(
              s.ansi(),
              s.doubleQuotedIdentifiers(),
              s.legacySetOpsPrecedence(),
              known ? isTrue : true);
      default -> s;
    };
  }
}

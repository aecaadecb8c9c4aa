package dev.sparkjdbc.types;

import java.util.Locale;

/**
 * How text reads as a value of another type, where JDBC lets text convert (a string column read
 * with getBoolean, a string parameter set for a BOOLEAN target): one rule for both directions.
 */
public final class TextValues {
  private TextValues() {}

  /**
   * {@code true, t, yes, y, 1} and {@code false, f, no, n, 0}, in any case and with blanks around
   * them; null for any other text.
   */
  public static Boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "f", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }
}

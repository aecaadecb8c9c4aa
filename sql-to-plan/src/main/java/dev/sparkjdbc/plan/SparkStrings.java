package dev.sparkjdbc.plan;

/**
 * Spark's string literal escapes, which Calcite's parser leaves alone: {@code '\n'} is a newline to
 * Spark. Follows Spark's own rules: {@code \0 \b \n \r \t \Z}, {@code \\}, quotes, {@code \% \_}
 * kept with their backslash (LIKE patterns), {@code \\uXXXX}, three octal digits, and any other
 * escaped character stands for itself.
 */
final class SparkStrings {
  private SparkStrings() {}

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      if (e == 'u' && i + 4 < n && isHex(s, i + 1, 4)) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
        i += 4;
      } else if (e >= '0'
          && e <= '3'
          && i + 2 < n
          && isOctal(s.charAt(i + 1))
          && isOctal(s.charAt(i + 2))) {
        out.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
        i += 2;
      } else {
        switch (e) {
          case '0' -> out.append('\u0000');
          case 'b' -> out.append('\b');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'Z' -> out.append('\u001A');
          case '%', '_' -> out.append('\\').append(e);
          default -> out.append(e);
        }
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}

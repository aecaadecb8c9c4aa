package dev.sparkjdbc.jdbc.config;

/**
 * Renders the connection-property table of docs/properties.md from {@link ConnectionProperty}, so
 * that the document cannot drift from the driver ({@code PropertyReferenceDocTest} checks that the
 * document contains exactly this text).
 */
public final class PropertyReference {
  private PropertyReference() {}

  /** A Markdown table: key, type, default, DataSource setter, description; secrets marked. */
  static String markdown() {
    StringBuilder s =
        new StringBuilder()
            .append("| key | type | default | DataSource setter | description |\n")
            .append("|---|---|---|---|---|\n");
    for (ConnectionProperty p : ConnectionProperty.values()) {
      s.append("| `")
          .append(p.key())
          .append('`')
          .append(p.isSecret() ? " (secret)" : "")
          .append(" | ")
          .append(type(p.type()))
          .append(" | ")
          .append(p.defaultValue().map(d -> "`" + d + "`").orElse("—"))
          .append(" | `")
          .append(setter(p))
          .append('`')
          .append(" | ")
          .append(cell(p.description()))
          .append(" |\n");
    }
    return s.toString();
  }

  /** {@code setUseSsl(boolean)}. */
  public static String setter(ConnectionProperty p) {
    String bean = p.beanName();
    return "set"
        + Character.toUpperCase(bean.charAt(0))
        + bean.substring(1)
        + "("
        + p.type().javaType().getSimpleName()
        + ")";
  }

  private static String type(PropertyType type) {
    if (type.kind() == PropertyType.Kind.CHOICE) {
      return String.join(" \\| ", type.choices().stream().map(c -> "`" + c + "`").toList());
    }
    return type.displayName();
  }

  /** Text for a table cell: '|' and HTML's '<' escaped, on one line. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace('\n', ' ');
  }
}

/**
 * A connection's settings: the {@code jdbc:sc://} URL and the {@code Properties} given to {@code
 * connect}, parsed and validated once into a {@link dev.sparkjdbc.jdbc.config.ConnectionConfig}.
 * Every property is declared once in {@link dev.sparkjdbc.jdbc.config.ConnectionProperty}; TLS
 * trust material is read here ({@link dev.sparkjdbc.jdbc.config.TlsSettings}), so that its errors
 * name the property. Uses {@code errors}.
 */
package dev.sparkjdbc.jdbc.config;

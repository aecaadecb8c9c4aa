package dev.sparkjdbc.jdbc.config;

/**
 * One server address of a URL: {@code jdbc:sc://h1:15002,h2:15002/} has two. The host is as
 * written, without the brackets of an IPv6 address.
 */
public record Endpoint(String host, int port) {

  /** {@code host:port}, an IPv6 address in brackets: how the URL writes it. */
  public String authority() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code jdbc:sc://host:port}: this endpoint alone, for messages. */
  public String url() {
    return ConnectionConfig.URL_PREFIX + authority();
  }

  @Override
  public String toString() {
    return authority();
  }
}

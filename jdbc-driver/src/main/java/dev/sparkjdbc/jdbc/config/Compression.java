package dev.sparkjdbc.jdbc.config;

import java.util.Optional;

/**
 * The {@code compression} connection property: which codec the driver asks Spark to compress
 * results with (the session conf {@value #CODEC_CONF}), or {@link #SERVER} to leave the session's
 * setting alone.
 */
public enum Compression {
  /**
   * zstd when the server is not on this machine and the session is the connection's own, else as
   * {@link #SERVER}: measured over 100 Mbit/s and 1 Gbit/s links, Spark's zstd made results 3.5 to
   * 5 times smaller and reading them 1.4 to 4.8 times faster (docs/benchmarks.md); over loopback
   * there is no link to save and the server's compressing only costs.
   */
  AUTO(null),
  /** Leave the session conf alone: right for a shared session, or when an administrator set it. */
  SERVER(null),
  NONE("none"),
  LZ4("lz4"),
  ZSTD("zstd");

  /** Spark's session conf for the codec of Arrow results (Spark 4.1+). */
  public static final String CODEC_CONF = "spark.sql.execution.arrow.compression.codec";

  /** Spark's session conf for the zstd level; Spark's default is 3. */
  public static final String ZSTD_LEVEL_CONF = "spark.sql.execution.arrow.compression.zstd.level";

  private final String sparkCodec;

  Compression(String sparkCodec) {
    this.sparkCodec = sparkCodec;
  }

  /**
   * What {@link #AUTO} means for a connection to {@code host}: {@link #ZSTD} unless the host is
   * this machine (a loopback name or address; decided without a DNS lookup) or the session is
   * shared ({@code namesSession}), where one connection must not change the others' setting.
   */
  public Compression resolve(String host, boolean namesSession) {
    if (this != AUTO) {
      return this;
    }
    return namesSession || isLoopback(host) ? SERVER : ZSTD;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /** The value of {@value #CODEC_CONF} to set; empty for {@link #SERVER}. */
  public Optional<String> sparkCodec() {
    return Optional.ofNullable(sparkCodec);
  }
}

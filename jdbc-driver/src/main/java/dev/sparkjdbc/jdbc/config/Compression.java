package dev.sparkjdbc.jdbc.config;

import java.util.Optional;

/**
 * The {@code compression} connection property: which codec the driver asks Spark to compress
 * results with (the session conf {@value #CODEC_CONF}), or {@link #SERVER} to leave the session's
 * setting alone.
 */
public enum Compression {
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

  /** The value of {@value #CODEC_CONF} to set; empty for {@link #SERVER}. */
  public Optional<String> sparkCodec() {
    return Optional.ofNullable(sparkCodec);
  }
}

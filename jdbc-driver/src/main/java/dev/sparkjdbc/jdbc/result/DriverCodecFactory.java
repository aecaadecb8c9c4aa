package dev.sparkjdbc.jdbc.result;

import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * The Arrow codecs the driver reads with, given to Arrow explicitly. Arrow's default factory looks
 * for arrow-compression by ServiceLoader and, without it, fails on any compressed batch ("Please
 * add arrow-compression module"), which every result is once a session sets {@code
 * spark.sql.execution.arrow.compression.codec}.
 */
final class DriverCodecFactory implements CompressionCodec.Factory {
  static final DriverCodecFactory INSTANCE = new DriverCodecFactory();

  private static final CompressionCodec LZ4_FRAME = new Lz4FrameCodec();
  private static final CompressionCodec ZSTD = new ZstdCodec();

  private DriverCodecFactory() {}

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type) {
    switch (type) {
      case NO_COMPRESSION:
        return NoCompressionCodec.INSTANCE;
      case LZ4_FRAME:
        return LZ4_FRAME; // stateless
      case ZSTD:
        return ZSTD; // stateless: a decompressor per buffer
      default:
        throw new IllegalArgumentException("Unsupported Arrow compression codec " + type);
    }
  }

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
    return createCodec(type); // the level matters only to a writer
  }
}

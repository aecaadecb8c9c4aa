package dev.sparkjdbc.jdbc.result;

import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow's ZSTD codec, read side, on aircompressor's pure-Java decoder: unlike zstd-jni (Arrow's own
 * choice) it has no native library, so it can be relocated in the standalone jar and needs no
 * writable temporary directory.
 */
final class ZstdCodec extends ByteArrayCodec {

  @Override
  int decode(byte[] src, byte[] dst) {
    // Frames written by zstd's one-shot API (Arrow's writer) carry their content size: a
    // mismatch with the Arrow length prefix is corrupt data, found before decoding.
    long contentSize = ZstdDecompressor.getDecompressedSize(src, 0, src.length);
    if (contentSize >= 0 && contentSize != dst.length) {
      throw new IllegalArgumentException(
          "ZSTD frame holds " + contentSize + " bytes, the Arrow buffer says " + dst.length);
    }
    // Not thread-safe, and cheap to create: one per buffer.
    return new ZstdDecompressor().decompress(src, 0, src.length, dst, 0, dst.length);
  }

  @Override
  long maxDecodedLength(int compressedLength) {
    return Long.MAX_VALUE; // run-length blocks make a few bytes any size; decode() checks the frame
  }

  @Override
  public CompressionUtil.CodecType getCodecType() {
    return CompressionUtil.CodecType.ZSTD;
  }
}

package dev.sparkjdbc.jdbc.result;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * A read-only Arrow codec that decompresses one buffer through byte arrays. Arrow's {@link
 * AbstractCompressionCodec#decompress} has already handled the empty (length 0) and raw (length -1)
 * buffers, so {@link #doDecompress} only sees real compressed data. Only {@code getBytes} and
 * {@code setBytes} touch the Arrow buffers (as the decoder's body copy does): no {@code
 * nioBuffer()}, so no JVM flag.
 */
abstract class ByteArrayCodec extends AbstractCompressionCodec {

  /**
   * Decodes all of {@code src} into {@code dst}, which has exactly the length the writer announced;
   * returns the number of bytes written. Corrupt data throws a RuntimeException (the decoder turns
   * it into an SQLException).
   */
  abstract int decode(byte[] src, byte[] dst);

  /**
   * The most bytes {@code compressedLength} bytes can decode to, so that a corrupt length prefix
   * cannot make the driver allocate gigabytes; {@code Long.MAX_VALUE} when the format has no useful
   * bound.
   */
  abstract long maxDecodedLength(int compressedLength);

  @Override
  protected final ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
    long decodedLength = readUncompressedLength(compressed);
    long bodyLength = compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
    if (decodedLength <= 0
        || decodedLength > Integer.MAX_VALUE - 8
        || bodyLength > Integer.MAX_VALUE - 8
        || decodedLength > maxDecodedLength((int) bodyLength)) {
      throw new IllegalArgumentException(
          getCodecType()
              + " buffer of "
              + bodyLength
              + " bytes announces an impossible decompressed length "
              + decodedLength);
    }
    byte[] src = new byte[(int) bodyLength];
    compressed.getBytes(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, src);
    byte[] dst = new byte[(int) decodedLength];
    int written = decode(src, dst);
    if (written != decodedLength) {
      throw new IllegalArgumentException(
          getCodecType() + " data decoded to " + written + " bytes, not " + decodedLength);
    }
    ArrowBuf out = allocator.buffer(decodedLength);
    out.setBytes(0, dst);
    out.writerIndex(decodedLength);
    return out; // the input stays open: decompress() closes it
  }

  @Override
  protected final ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
    throw new UnsupportedOperationException("the driver only reads compressed Arrow data");
  }
}

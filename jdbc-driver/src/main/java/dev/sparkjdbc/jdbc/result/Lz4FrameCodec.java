package dev.sparkjdbc.jdbc.result;

import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow's LZ4_FRAME codec, read side: a decoder of the LZ4 frame format and its blocks written
 * here, so the driver needs neither commons-compress (Arrow's choice, slow, and it needs commons-io
 * and commons-codec) nor a native library.
 *
 * <p>Frames: magic, FLG/BD, optional content size, header checksum, then blocks (a little-endian
 * size whose high bit marks a stored block, 0 ends the frame), optional block and content
 * checksums. Skippable frames are skipped. Blocks are decoded into one output array, so a match may
 * reach back into an earlier block: linked blocks (the C library's default) decode too, not only
 * Arrow's independent ones. Checksums are skipped, not verified: the transport (TLS or TCP, gRPC
 * framing) already guards the bytes, and the decoded length must match the writer's.
 */
final class Lz4FrameCodec extends ByteArrayCodec {
  private static final int FRAME_MAGIC = 0x184D2204;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50; // low 4 bits free
  private static final int FLG_BLOCK_CHECKSUM = 0x10;
  private static final int FLG_CONTENT_SIZE = 0x08;
  private static final int FLG_CONTENT_CHECKSUM = 0x04;
  private static final int FLG_DICTIONARY = 0x01;
  private static final int MIN_MATCH = 4;

  @Override
  int decode(byte[] src, byte[] dst) {
    try {
      return decodeFrames(src, dst);
    } catch (IndexOutOfBoundsException e) {
      // Java's bounds checks find truncated data and lengths or offsets beyond the output.
      throw new IllegalArgumentException("LZ4 frame data is truncated or corrupt", e);
    }
  }

  @Override
  long maxDecodedLength(int compressedLength) {
    // A match's extra length bytes each add at most 255 output bytes.
    return 255L * compressedLength + 64;
  }

  @Override
  public CompressionUtil.CodecType getCodecType() {
    return CompressionUtil.CodecType.LZ4_FRAME;
  }

  /** Decodes every frame of {@code in}; returns the bytes written to {@code out}. */
  static int decodeFrames(byte[] in, byte[] out) {
    int ip = 0;
    int op = 0;
    while (ip < in.length) {
      int magic = le32(in, ip);
      ip += 4;
      if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC) {
        int skip = le32(in, ip);
        if (skip < 0 || skip > in.length - ip - 4) {
          throw new IllegalArgumentException("LZ4 skippable frame is truncated");
        }
        ip += 4 + skip;
        continue;
      }
      if (magic != FRAME_MAGIC) {
        throw new IllegalArgumentException(
            "not an LZ4 frame (magic " + Integer.toHexString(magic) + ")");
      }
      int flg = in[ip] & 0xff;
      ip += 2; // FLG, BD (the block size limit: the output array bounds every block anyway)
      if ((flg >>> 6) != 1) {
        throw new IllegalArgumentException("unknown LZ4 frame version " + (flg >>> 6));
      }
      if ((flg & FLG_DICTIONARY) != 0) {
        throw new IllegalArgumentException("LZ4 frames with a dictionary are not supported");
      }
      if ((flg & FLG_CONTENT_SIZE) != 0) {
        ip += 8;
      }
      ip++; // header checksum
      while (true) {
        int size = le32(in, ip);
        ip += 4;
        if (size == 0) { // end mark
          break;
        }
        int n = size & 0x7fffffff; // high bit: stored uncompressed
        if (n > in.length - ip) {
          throw new IllegalArgumentException("LZ4 block is truncated");
        }
        if (size < 0) {
          System.arraycopy(in, ip, out, op, n);
          op += n;
          ip += n;
        } else {
          op = decodeBlock(in, ip, ip + n, out, op);
          ip += n;
        }
        if ((flg & FLG_BLOCK_CHECKSUM) != 0) {
          ip += 4;
        }
      }
      if ((flg & FLG_CONTENT_CHECKSUM) != 0) {
        ip += 4;
      }
    }
    if (ip != in.length) {
      throw new IllegalArgumentException("LZ4 frame is truncated");
    }
    return op;
  }

  /**
   * Decodes one LZ4 block ({@code in[ip..end)}) to {@code out} from {@code op}; returns the new
   * output position. A block is sequences of literals then a match; the last has literals only.
   */
  static int decodeBlock(byte[] in, int ip, int end, byte[] out, int op) {
    while (true) {
      if (ip >= end) { // a block ends with literals, never with a match
        throw new IllegalArgumentException("LZ4 block ends with a match");
      }
      int token = in[ip++] & 0xff;
      int literals = token >>> 4;
      if (literals == 15) {
        int b;
        do {
          b = in[ip++] & 0xff;
          literals += b;
        } while (b == 255);
      }
      if (literals > end - ip) {
        throw new IllegalArgumentException("LZ4 literals run past the end of the block");
      }
      System.arraycopy(in, ip, out, op, literals);
      ip += literals;
      op += literals;
      if (ip == end) {
        return op;
      }
      int offset = (in[ip] & 0xff) | (in[ip + 1] & 0xff) << 8;
      ip += 2;
      if (offset == 0 || offset > op) {
        throw new IllegalArgumentException("LZ4 match offset " + offset + " at output " + op);
      }
      int length = token & 15;
      if (length == 15) {
        int b;
        do {
          b = in[ip++] & 0xff;
          length += b;
        } while (b == 255);
      }
      if (ip > end) {
        throw new IllegalArgumentException("LZ4 match runs past the end of the block");
      }
      length += MIN_MATCH;
      int from = op - offset;
      if (offset >= length) {
        System.arraycopy(out, from, out, op, length);
        op += length;
      } else { // overlapping: repeats the last `offset` bytes, byte by byte
        for (int k = 0; k < length; k++) {
          out[op++] = out[from++];
        }
      }
    }
  }

  private static int le32(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }
}

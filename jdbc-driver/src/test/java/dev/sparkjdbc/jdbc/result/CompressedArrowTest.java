package dev.sparkjdbc.jdbc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.compression.CompressionUtil.CodecType;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compressed Arrow streams, as Spark sends them once a session sets {@code
 * spark.sql.execution.arrow.compression.codec}: written here by Arrow's own writer
 * (arrow-compression, zstd-jni and commons-compress, test scope only), read by the driver's
 * decoder, and compared with what the writer was given.
 */
class CompressedArrowTest {
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field("id", FieldType.nullable(new ArrowType.Int(32, true)), null),
              new Field("big", FieldType.notNullable(new ArrowType.Int(64, true)), null),
              new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
              new Field("amount", FieldType.nullable(new ArrowType.Decimal(38, 10, 128)), null),
              new Field(
                  "noise",
                  FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                  null),
              new Field(
                  "tags",
                  FieldType.nullable(ArrowType.List.INSTANCE),
                  List.of(
                      new Field("$data$", FieldType.nullable(new ArrowType.Int(32, true)), null))),
              // Only empty strings: its data buffer is empty (written as a bare 0 length).
              new Field("blank", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

  private static final Schema NOISE_ONLY =
      new Schema(
          List.of(
              new Field(
                  "noise",
                  FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                  null)));

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
    allocator.close();
  }

  /** An IPC stream and, per batch, the writer's rows as Arrow prints them. */
  private record Written(byte[] bytes, List<String> batches) {}

  /** Rows {@code first..first+count-1}: nulls, repeats (compressible) and random doubles. */
  private static void fill(VectorSchemaRoot root, int first, int count, Random random) {
    root.allocateNew();
    if (root.getSchema() == NOISE_ONLY) {
      Float8Vector noise = (Float8Vector) root.getVector("noise");
      for (int i = 0; i < count; i++) {
        noise.setSafe(i, Double.longBitsToDouble(random.nextLong())); // 64 random bits
      }
      root.setRowCount(count);
      return;
    }
    IntVector id = (IntVector) root.getVector("id");
    BigIntVector big = (BigIntVector) root.getVector("big");
    VarCharVector name = (VarCharVector) root.getVector("name");
    DecimalVector amount = (DecimalVector) root.getVector("amount");
    Float8Vector noise = (Float8Vector) root.getVector("noise");
    ListVector tags = (ListVector) root.getVector("tags");
    VarCharVector blank = (VarCharVector) root.getVector("blank");
    UnionListWriter tagWriter = tags.getWriter();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      if (n % 7 != 0) {
        id.setSafe(i, n);
      }
      big.setSafe(i, (long) n * 1_000_003L);
      if (n % 5 != 0) {
        name.setSafe(i, (n % 11 == 0 ? "" : "name-" + (n % 97)).getBytes(StandardCharsets.UTF_8));
      }
      if (n % 3 != 0) {
        amount.setSafe(i, new BigDecimal(n).movePointLeft(10).add(new BigDecimal("123456789.5")));
      }
      noise.setSafe(i, random.nextDouble());
      tagWriter.setPosition(i);
      if (n % 13 != 0) {
        tagWriter.startList();
        for (int k = 0; k < n % 4; k++) {
          tagWriter.writeInt(n + k);
        }
        tagWriter.endList();
      }
      blank.setSafe(i, new byte[0]);
    }
    root.setRowCount(count);
  }

  private static Written write(Schema schema, CodecType codec, Integer level, int... batchSizes)
      throws IOException {
    Random random = new Random(42);
    try (BufferAllocator writing = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, writing)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<String> batches = new ArrayList<>();
      try (ArrowStreamWriter writer =
          new ArrowStreamWriter(
              root,
              null,
              Channels.newChannel(out),
              IpcOption.DEFAULT,
              codec == CodecType.NO_COMPRESSION
                  ? NoCompressionCodec.Factory.INSTANCE
                  : CommonsCompressionFactory.INSTANCE,
              codec,
              Optional.ofNullable(level))) {
        writer.start();
        int first = 0;
        for (int size : batchSizes) {
          fill(root, first, size, random);
          batches.add(root.contentToTSVString());
          writer.writeBatch();
          first += size;
        }
        writer.end();
      }
      return new Written(out.toByteArray(), batches);
    }
  }

  /** What the driver's decoder reads from the stream, batch by batch. */
  private List<String> read(byte[] stream) throws SQLException {
    List<String> batches = new ArrayList<>();
    try (ArrowIpcDecoder decoder = new ArrowIpcDecoder(allocator)) {
      decoder.feed(stream);
      while (decoder.loadNext()) {
        batches.add(decoder.root().contentToTSVString());
      }
    }
    return batches;
  }

  @ParameterizedTest(name = "{0} level {1}")
  @CsvSource({"LZ4_FRAME,", "ZSTD,-5", "ZSTD,3", "ZSTD,19"})
  void everyColumnTypeReadsBackAsWritten(CodecType codec, Integer level) throws Exception {
    int[] sizes = {3000, 0, 1, 5000}; // an empty batch: every buffer empty
    Written compressed = write(SCHEMA, codec, level, sizes);
    Written plain = write(SCHEMA, CodecType.NO_COMPRESSION, null, sizes);

    assertThat(compressed.batches()).isEqualTo(plain.batches());
    assertThat(compressed.bytes().length)
        .as("the writer compressed")
        .isLessThan(plain.bytes().length * 3 / 4);
    assertThat(read(compressed.bytes())).isEqualTo(compressed.batches());
  }

  @ParameterizedTest
  @CsvSource({"LZ4_FRAME", "ZSTD"})
  void incompressibleBuffersComeRawAndReadBack(CodecType codec) throws Exception {
    Written compressed = write(NOISE_ONLY, codec, null, 20_000);
    Written plain = write(NOISE_ONLY, CodecType.NO_COMPRESSION, null, 20_000);

    // 64 random bits per value do not shrink: the writer sent the buffer as it is, behind the
    // length -1 (Arrow's "not compressed" mark), where the first value's bits are.
    long firstValue = new Random(42).nextLong();
    ByteBuffer b = ByteBuffer.wrap(compressed.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    int at = -1;
    for (int i = 8; i + 8 <= compressed.bytes().length; i++) {
      if (b.getLong(i) == firstValue) {
        at = i;
      }
    }
    assertThat(at).as("the raw values in the stream").isPositive();
    assertThat(b.getLong(at - 8)).as("the length before them").isEqualTo(-1L);
    assertThat(read(compressed.bytes())).isEqualTo(plain.batches());
  }

  @ParameterizedTest
  @CsvSource({"LZ4_FRAME", "ZSTD"})
  void manyBatchesInOneStreamLogTheCodecOnce(CodecType codec) throws Exception {
    int[] sizes = new int[60];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = i % 10 == 0 ? 0 : 37 * i;
    }
    Written compressed = write(SCHEMA, codec, null, sizes);

    List<Object> logged = new ArrayList<>();
    assertThat(readLogging(compressed.bytes(), logged)).isEqualTo(compressed.batches()).hasSize(60);
    assertThat(logged).as("codecs logged at FINE").containsExactly(codec);
  }

  @Test
  void anUncompressedStreamLogsNoCodec() throws Exception {
    Written plain = write(SCHEMA, CodecType.NO_COMPRESSION, null, 10, 10);
    List<Object> logged = new ArrayList<>();
    assertThat(readLogging(plain.bytes(), logged)).isEqualTo(plain.batches());
    assertThat(logged).isEmpty();
  }

  /** {@link #read}, collecting the codecs the decoder logs at FINE. */
  private List<String> readLogging(byte[] stream, List<Object> codecs) throws SQLException {
    Logger logger = Logger.getLogger(ArrowIpcDecoder.class.getName());
    Level before = logger.getLevel();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getMessage().contains("compressed with")) {
              codecs.add(r.getParameters()[0]);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);
    try {
      return read(stream);
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
  }

  /** Byte offsets of every occurrence of a frame's magic number (little-endian) in the stream. */
  private static List<Integer> framesAt(byte[] stream, CodecType codec) {
    int magic = codec == CodecType.LZ4_FRAME ? 0x184D2204 : 0xFD2FB528;
    List<Integer> at = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 4 <= stream.length; i++) {
      if (b.getInt(i) == magic) {
        at.add(i);
      }
    }
    return at;
  }

  /**
   * Each corruption hits the data buffer of the {@code name} column (its 3rd buffer, the 7th of the
   * batch), after its validity and offsets buffers were decompressed: those must be released.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "LZ4_FRAME, magic",
    "LZ4_FRAME, length+1",
    "LZ4_FRAME, huge length",
    "LZ4_FRAME, truncated block",
    "ZSTD, magic",
    "ZSTD, length+1",
    "ZSTD, huge length",
  })
  void corruptDataIsAnSqlExceptionAndLeaksNothing(CodecType codec, String corruption)
      throws Exception {
    byte[] stream = write(SCHEMA, codec, null, 2000).bytes();
    List<Integer> frames = framesAt(stream, codec);
    assertThat(frames).hasSizeGreaterThan(7);
    int frame = frames.get(6);
    ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
    int lengthAt = frame - 8; // Arrow's uncompressed length precedes each frame
    switch (corruption) {
      case "magic" -> stream[frame] ^= 0x55;
      case "length+1" -> b.putLong(lengthAt, b.getLong(lengthAt) + 1);
      case "huge length" -> b.putLong(lengthAt, 1L << 40);
      case "truncated block" -> {
        // The first block's size (after magic, FLG, BD, header checksum) made larger than the
        // data that follows.
        int blockSizeAt = frame + 7 + ((stream[frame + 4] & 0x08) != 0 ? 8 : 0);
        b.putInt(blockSizeAt, 0x7ff0_0000);
      }
      default -> throw new IllegalArgumentException(corruption);
    }

    assertThatThrownBy(() -> read(stream))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY000"))
        .hasMessageStartingWith("Cannot decode the Arrow data sent by the server: ");
  }

  /** The pseudo-random bytes {@code linked-blocks.lz4} was made from (see its test). */
  private static byte[] linkedBlocksSource() {
    byte[] chunk = new byte[20_000];
    long x = 19;
    for (int i = 0; i < chunk.length; i++) {
      x = (x * 1103515245L + 12345L) & 0x7fffffffL;
      chunk[i] = (byte) (x >> 16);
    }
    byte[] all = new byte[chunk.length * 10];
    for (int k = 0; k < 10; k++) {
      System.arraycopy(chunk, 0, all, k * chunk.length, chunk.length);
    }
    return all;
  }

  /**
   * A frame Arrow's writer never makes (it writes independent blocks and no block checksums) but
   * the LZ4 format allows, made by the lz4 command-line tool (v1.9.4):
   *
   * <pre>
   * python3 -c 'x=19; out=bytearray()
   * for i in range(20000): x=(x*1103515245+12345)&amp;0x7fffffff; out.append((x&gt;&gt;16)&amp;0xff)
   * open("linked.bin","wb").write(bytes(out)*10)'
   * lz4 -BD -B4 -BX --content-size linked.bin linked-blocks.lz4
   * </pre>
   *
   * (linked 64 KiB blocks, block and content checksums, content size). The 20,000-byte chunk
   * repeats ten times; in 64 KiB blocks most repeats start in the previous block, so the frame
   * (40,878 bytes; 64,224 with independent blocks) only decodes if matches may reach back.
   */
  @Test
  void lz4FramesWithLinkedBlocksAndBlockChecksumsDecode() throws Exception {
    byte[] frame;
    try (InputStream in = getClass().getResourceAsStream("linked-blocks.lz4")) {
      frame = in.readAllBytes();
    }
    int flg = frame[4] & 0xff;
    assertThat(flg & 0x20).as("independent-blocks flag").isZero();
    assertThat(flg & 0x10).as("block-checksum flag").isNotZero();
    byte[] expected = linkedBlocksSource();

    ArrowBuf compressed = allocator.buffer(8 + frame.length);
    compressed.setLong(0, expected.length);
    compressed.setBytes(8, frame);
    compressed.writerIndex(8 + frame.length);
    try (ArrowBuf decoded = new Lz4FrameCodec().decompress(allocator, compressed)) {
      byte[] actual = new byte[(int) decoded.writerIndex()];
      decoded.getBytes(0, actual);
      assertThat(actual).isEqualTo(expected);
    }
  }
}

package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.errors.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Loads Arrow IPC stream chunks into one reused {@link VectorSchemaRoot}.
 *
 * <p>Arrow's own stream reader copies message bodies through {@code ArrowBuf.nioBuffer()}, which
 * needs {@code --add-opens java.base/java.nio} on Java 17. Here only the message metadata goes
 * through Arrow's reader (into heap buffers); bodies are copied into the {@code ArrowBuf} from the
 * byte array, so the driver runs without JVM flags.
 *
 * <p>Batches compressed by the server ({@code spark.sql.execution.arrow.compression.codec}) are
 * decompressed here, buffer by buffer, with {@link DriverCodecFactory}, and only then loaded: Arrow
 * 19's {@code VectorLoader} would decompress too, but when one buffer of a column fails (corrupt
 * data) it drops the column's buffers already decompressed, which then leak.
 */
final class ArrowIpcDecoder implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ArrowIpcDecoder.class.getName());

  private final BufferAllocator allocator;
  private VectorSchemaRoot root;
  private VectorLoader loader;
  private byte[] chunk;
  private int offset;
  private boolean codecLogged;

  ArrowIpcDecoder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** Starts reading a new chunk (one or more IPC messages). */
  void feed(byte[] data) {
    chunk = data;
    offset = 0;
  }

  /**
   * Loads the next record batch of the current chunk into {@link #root()}; false when the chunk has
   * no more. Schema messages create the root the first time and are skipped afterwards.
   */
  boolean loadNext() throws SQLException {
    try {
      while (chunk != null && offset < chunk.length) {
        ReadChannel in = new ReadChannel(new BytesChannel(chunk, offset));
        MessageMetadataResult message = MessageSerializer.readMessage(in);
        if (message == null) { // end-of-stream marker
          chunk = null;
          return false;
        }
        int bodyStart = offset + (int) in.bytesRead();
        int bodyLength = Math.toIntExact(message.getMessageBodyLength());
        offset = bodyStart + bodyLength;
        byte type = message.getMessage().headerType();
        if (type == MessageHeader.Schema) {
          if (root == null) {
            Schema schema = MessageSerializer.deserializeSchema(message.getMessage());
            root = VectorSchemaRoot.create(schema, allocator);
            // Batches reach the loader decompressed; the explicit factory only keeps Arrow's
            // default one (a ServiceLoader lookup) out.
            loader = new VectorLoader(root, DriverCodecFactory.INSTANCE);
          }
        } else if (type == MessageHeader.RecordBatch) {
          if (root == null) {
            throw new SQLException(
                "The server sent Arrow data before its schema", SqlState.GENERAL);
          }
          loadBody(message, bodyStart, bodyLength);
          return true;
        } else {
          throw new SQLException(
              "Unexpected Arrow IPC message type "
                  + type
                  + " (dictionary-encoded results are not supported)",
              SqlState.GENERAL);
        }
      }
      chunk = null;
      return false;
    } catch (IOException | RuntimeException e) {
      throw new SQLException(
          "Cannot decode the Arrow data sent by the server: " + e.getMessage(),
          SqlState.GENERAL,
          e);
    }
  }

  private void loadBody(MessageMetadataResult message, int start, int length) throws IOException {
    ArrowBuf body = allocator.buffer(length);
    ArrowRecordBatch batch;
    try {
      body.setBytes(0, chunk, start, length);
    } catch (RuntimeException e) {
      body.close();
      throw e;
    }
    // deserializeRecordBatch takes over the body's reference: the batch's buffers keep it alive.
    batch = MessageSerializer.deserializeRecordBatch(message.getMessage(), body);
    try (batch) {
      byte codec = batch.getBodyCompression().getCodec();
      if (codec == NoCompressionCodec.COMPRESSION_TYPE) {
        loader.load(batch);
      } else {
        try (ArrowRecordBatch plain = decompressed(batch, codec)) {
          loader.load(plain);
        }
      }
    }
  }

  /** The batch with every buffer decompressed; on failure nothing decompressed is left behind. */
  private ArrowRecordBatch decompressed(ArrowRecordBatch batch, byte codecId) {
    CompressionUtil.CodecType type = CompressionUtil.CodecType.fromCompressionType(codecId);
    if (!codecLogged) {
      codecLogged =
          true; // once per result: proof (and a hint for a slow read) that it came compressed
      LOG.log(Level.FINE, "Reading Arrow batches compressed with {0}", type);
    }
    CompressionCodec codec = DriverCodecFactory.INSTANCE.createCodec(type);
    List<ArrowBuf> buffers = new ArrayList<>(batch.getBuffers().size());
    try {
      for (ArrowBuf buffer : batch.getBuffers()) {
        // As VectorLoader does: an absent buffer stays as it is; decompress() consumes one
        // reference of its input, which the batch still holds (and closes) afterwards.
        ArrowBuf plain = buffer.writerIndex() > 0 ? codec.decompress(allocator, buffer) : buffer;
        buffer.getReferenceManager().retain();
        buffers.add(plain);
      }
      // Takes its own reference of each buffer; ours are dropped below.
      return new ArrowRecordBatch(
          batch.getLength(),
          batch.getNodes(),
          buffers,
          NoCompressionCodec.DEFAULT_BODY_COMPRESSION,
          batch.getVariadicBufferCounts(),
          false);
    } finally {
      for (ArrowBuf buffer : buffers) {
        buffer.close();
      }
    }
  }

  /** True when the current chunk still holds undecoded messages. */
  boolean hasMore() {
    // more than an end-of-stream marker (8 bytes) left
    return chunk != null && chunk.length - offset > 8;
  }

  /** The root holding the current batch; null until a schema has been read. */
  VectorSchemaRoot root() {
    return root;
  }

  @Override
  public void close() {
    chunk = null;
    if (root != null) {
      root.close();
      root = null;
    }
  }

  /**
   * The chunk's bytes as a channel. Not {@code Channels.newChannel}: that channel is interruptible
   * and would fail decoding bytes already in memory on an interrupted thread.
   */
  private static final class BytesChannel implements ReadableByteChannel {
    private final byte[] bytes;
    private int position;

    BytesChannel(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    @Override
    public int read(ByteBuffer target) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(target.remaining(), bytes.length - position);
      target.put(bytes, position, n);
      position += n;
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}

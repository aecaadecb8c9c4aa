package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.errors.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.sql.SQLException;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
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
 */
final class ArrowIpcDecoder implements AutoCloseable {
  private final BufferAllocator allocator;
  private VectorSchemaRoot root;
  private VectorLoader loader;
  private byte[] chunk;
  private int offset;

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
            loader = new VectorLoader(root);
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
      loader.load(batch);
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

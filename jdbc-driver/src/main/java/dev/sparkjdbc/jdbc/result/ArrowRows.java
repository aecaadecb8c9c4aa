package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.client.ArrowBatchSource;
import dev.sparkjdbc.jdbc.client.ArrowChunk;
import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessor;
import dev.sparkjdbc.jdbc.result.accessor.ColumnAccessors;
import dev.sparkjdbc.jdbc.result.accessor.ColumnContext;
import dev.sparkjdbc.jdbc.result.accessor.SparkSchema;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.ColumnType;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Rows of Arrow batches pulled from a source as the cursor moves: one decoded batch in memory,
 * plus, only when {@link #hasNext} must look past the current batch, the undecoded bytes of the
 * batches up to the next non-empty one.
 */
public final class ArrowRows extends RowSource {
  private final ArrowBatchSource source;
  private final BufferAllocator allocator;
  private final ArrowIpcDecoder decoder;
  private final ColumnContext context;
  private final Deque<ArrowChunk> peeked = new ArrayDeque<>();
  private int batchRows;
  private int row = -1;
  private boolean sourceDone;
  private boolean closed;

  /**
   * Reads until the schema arrives, so that errors the server finds before producing rows (syntax,
   * unknown tables) surface in the execute call.
   */
  public ArrowRows(ArrowBatchSource source, BufferAllocator parent, ColumnContext context)
      throws SQLException {
    this.source = source;
    this.context = context;
    this.allocator = parent.newChildAllocator("result-set", 0, Long.MAX_VALUE);
    this.decoder = new ArrowIpcDecoder(allocator);
    try {
      loadNextBatch();
      bindColumns();
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void bindColumns() {
    VectorSchemaRoot root = decoder.root();
    if (root == null) {
      return; // no schema at all: a result without columns
    }
    List<FieldVector> vectors = root.getFieldVectors();
    List<Field> fields = root.getSchema().getFields();
    DataType schema = source.sparkSchema();
    boolean sparkTypes =
        schema != null
            && schema.hasStruct()
            && schema.getStruct().getFieldsCount() == vectors.size();
    int n = vectors.size();
    String[] labels = new String[n];
    ColumnType[] types = new ColumnType[n];
    boolean[] nullable = new boolean[n];
    ColumnAccessor[] accessors = new ColumnAccessor[n];
    for (int i = 0; i < n; i++) {
      DataType type =
          sparkTypes
              ? schema.getStruct().getFields(i).getDataType()
              : SparkSchema.fromArrow(fields.get(i));
      labels[i] = fields.get(i).getName();
      types[i] = ColumnType.of(type);
      nullable[i] = fields.get(i).isNullable();
      accessors[i] = ColumnAccessors.forVector(vectors.get(i), type, context);
      accessors[i].batchLoaded(); // the first batch was loaded before the accessors existed
    }
    columns(labels, types, nullable, accessors);
  }

  /** Decodes the next batch (possibly empty); false at the end of the result. */
  private boolean loadNextBatch() throws SQLException {
    while (true) {
      if (decoder.loadNext()) {
        batchRows = decoder.root().getRowCount();
        row = -1;
        for (ColumnAccessor accessor : accessors()) {
          accessor.batchLoaded();
        }
        return true;
      }
      ArrowChunk chunk = nextChunk();
      if (chunk == null) {
        batchRows = 0;
        return false;
      }
      decoder.feed(chunk.bytes());
    }
  }

  private ArrowChunk nextChunk() throws SQLException {
    if (!peeked.isEmpty()) {
      return peeked.poll();
    }
    if (sourceDone) {
      return null;
    }
    ArrowChunk chunk = source.nextChunk();
    if (chunk == null) {
      sourceDone = true;
      source.close(); // the server operation is complete and released
    }
    return chunk;
  }

  @Override
  public boolean next() throws SQLException {
    if (!sourceDone) {
      source.checkStopped(); // a cancel must not wait for the rest of the batch
    }
    while (++row >= batchRows) {
      if (!loadNextBatch()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean hasNext() throws SQLException {
    if (row + 1 < batchRows || decoder.hasMore()) {
      return true;
    }
    for (ArrowChunk c : peeked) {
      if (c.rowCount() != 0) {
        return true;
      }
    }
    while (!sourceDone) {
      ArrowChunk chunk = source.nextChunk();
      if (chunk == null) {
        sourceDone = true;
        source.close();
        return false;
      }
      peeked.add(chunk);
      if (chunk.rowCount() != 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int row() {
    return row;
  }

  /** Releases the server operation (if unfinished) and every Arrow buffer. */
  @Override
  public void close() {
    release(false);
  }

  @Override
  public boolean holdsResources() {
    return true;
  }

  /** As {@link #close}, with the server operation released without waiting for the server. */
  @Override
  public void abandon() {
    release(true);
  }

  private void release(boolean abandoned) {
    if (closed) {
      return;
    }
    closed = true;
    peeked.clear();
    try {
      if (abandoned) {
        source.abandon();
      } else {
        source.close();
      }
    } finally {
      decoder.close();
      allocator.close();
    }
  }
}

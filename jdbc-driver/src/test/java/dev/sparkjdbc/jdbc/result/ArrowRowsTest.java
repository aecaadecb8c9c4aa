package dev.sparkjdbc.jdbc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.client.ArrowBatchSource;
import dev.sparkjdbc.jdbc.client.ArrowChunk;
import dev.sparkjdbc.jdbc.result.accessor.ColumnContext;
import dev.sparkjdbc.proto.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cursor over Arrow batches, fed with real Arrow IPC streams (as Spark sends them: each chunk a
 * stream of schema, batch and end marker) from an in-process source, so that batch boundaries,
 * empty batches and failures fall exactly where each test needs them.
 */
class ArrowRowsTest {
  private static final ColumnContext CONTEXT =
      new ColumnContext(ZoneId::systemDefault, (labels, types, rows) -> null);
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field("id", FieldType.nullable(new ArrowType.Int(32, true)), null),
              new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

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

  /** One IPC stream holding a batch of rows {@code first..first+count-1}. */
  private byte[] batch(int first, int count) throws IOException {
    try (BufferAllocator writing = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, writing)) {
      IntVector ids = (IntVector) root.getVector("id");
      VarCharVector names = (VarCharVector) root.getVector("name");
      ids.allocateNew(count);
      names.allocateNew(count);
      for (int i = 0; i < count; i++) {
        ids.setSafe(i, first + i);
        if ((first + i) % 3 != 0) {
          names.setSafe(i, ("row-" + (first + i)).getBytes(StandardCharsets.UTF_8));
        }
      }
      root.setRowCount(count);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
      return out.toByteArray();
    }
  }

  /** Chunks served in order; a null entry is a failure at that point. */
  private static final class Source implements ArrowBatchSource {
    final Deque<ArrowChunk> chunks = new ArrayDeque<>();
    DataType sparkSchema;
    boolean closed;
    int served;

    Source add(byte[] bytes, int rows) {
      chunks.add(new ArrowChunk(bytes, rows));
      return this;
    }

    @Override
    public ArrowChunk nextChunk() throws SQLException {
      if (chunks.isEmpty()) {
        return null;
      }
      ArrowChunk next = chunks.poll();
      if (next.bytes().length == 0) {
        throw new SQLException("the server failed mid-stream", "22012");
      }
      served++;
      return next;
    }

    @Override
    public DataType sparkSchema() {
      return sparkSchema;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<String> readAll(ArrowRows rows) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rows.next()) {
      int r = rows.row();
      String name = rows.accessors()[1].isNull(r) ? "null" : rows.accessors()[1].getString(r);
      out.add(rows.accessors()[0].getInt(r) + ":" + name);
    }
    return out;
  }

  @Test
  void rowsOfEveryBatchInOrderAcrossEmptyBatches() throws Exception {
    Source source = new Source().add(batch(0, 2), 2).add(batch(2, 0), 0).add(batch(2, 3), 3);
    try (ArrowRows rows = new ArrowRows(source, allocator, CONTEXT)) {
      assertThat(rows.labels()).containsExactly("id", "name");
      assertThat(rows.types()[0].jdbcType()).isEqualTo(Types.INTEGER);
      assertThat(rows.types()[1].jdbcType()).isEqualTo(Types.VARCHAR);
      assertThat(readAll(rows))
          .containsExactly("0:null", "1:row-1", "2:row-2", "3:null", "4:row-4");
      assertThat(rows.next()).as("after the last row").isFalse();
      assertThat(source.closed).as("the source is released at the end").isTrue();
    }
  }

  @Test
  void hasNextLooksPastEmptyBatchesWithoutMovingTheCursor() throws Exception {
    Source source =
        new Source()
            .add(batch(0, 1), 1)
            .add(batch(1, 0), 0)
            .add(batch(1, 0), 0)
            .add(batch(1, 1), 1);
    try (ArrowRows rows = new ArrowRows(source, allocator, CONTEXT)) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.hasNext()).isTrue();
      assertThat(rows.accessors()[0].getInt(rows.row())).as("still on the first row").isZero();
      assertThat(rows.next()).isTrue();
      assertThat(rows.accessors()[0].getInt(rows.row())).isEqualTo(1);
      assertThat(rows.hasNext()).isFalse();
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void aSchemaWithoutRowsHasItsColumns() throws Exception {
    Source source = new Source().add(batch(0, 0), 0);
    try (ArrowRows rows = new ArrowRows(source, allocator, CONTEXT)) {
      assertThat(rows.labels()).containsExactly("id", "name");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void sparksSchemaWinsOverArrowsWhereItSaysMore() throws Exception {
    Source source = new Source().add(batch(0, 1), 1);
    source.sparkSchema =
        DataType.newBuilder()
            .setStruct(
                DataType.Struct.newBuilder()
                    .addFields(
                        DataType.StructField.newBuilder()
                            .setName("id")
                            .setDataType(
                                DataType.newBuilder()
                                    .setInteger(DataType.Integer.getDefaultInstance())))
                    .addFields(
                        DataType.StructField.newBuilder()
                            .setName("name")
                            .setDataType(
                                DataType.newBuilder()
                                    .setVarChar(DataType.VarChar.newBuilder().setLength(5)))))
            .build();
    try (ArrowRows rows = new ArrowRows(source, allocator, CONTEXT)) {
      assertThat(rows.types()[1].typeName()).isEqualTo("VARCHAR");
      assertThat(rows.types()[1].precision()).isEqualTo(5);
    }
  }

  @Test
  void aFailureMidStreamReachesTheReaderAndLeavesNoMemory() throws Exception {
    Source source = new Source().add(batch(0, 2), 2).add(new byte[0], 0);
    try (ArrowRows rows = new ArrowRows(source, allocator, CONTEXT)) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isTrue();
      assertThatThrownBy(rows::next)
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22012");
    }
  }

  @Test
  void closingEarlyReleasesTheSourceAndTheMemory() throws Exception {
    Source source = new Source().add(batch(0, 2), 2).add(batch(2, 2), 2).add(batch(4, 2), 2);
    ArrowRows rows = new ArrowRows(source, allocator, CONTEXT);
    assertThat(rows.next()).isTrue();
    rows.close();
    rows.close(); // idempotent
    assertThat(source.closed).isTrue();
    assertThat(source.served).as("nothing read past what the cursor needed").isEqualTo(1);
  }

  @Test
  void garbageIsAnSqlExceptionNotARuntimeException() {
    Source source = new Source().add(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1);
    assertThatThrownBy(() -> new ArrowRows(source, allocator, CONTEXT))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Cannot decode the Arrow data");
    assertThat(source.closed).isTrue();
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

final class BinaryAccessor extends ColumnAccessor {
  private final VariableWidthFieldVector vector;

  BinaryAccessor(VariableWidthFieldVector vector) {
    super((FieldVector) vector);
    this.vector = vector;
  }

  @Override
  public Object getObject(int row) {
    return vector.get(row);
  }

  /** As Spark's {@code CAST(binary AS STRING)}: the bytes read as UTF-8. */
  @Override
  public String getString(int row) {
    return new String(vector.get(row), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] getBytes(int row) {
    return vector.get(row);
  }

  @Override
  String typeName() {
    return "BINARY";
  }
}

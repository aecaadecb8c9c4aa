package dev.sparkjdbc.jdbc.result.accessor;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/** BINARY: the bytes, a fresh array on every call. */
abstract class BinaryAccessor extends ColumnAccessor {
  BinaryAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public abstract byte[] getBytes(int row);

  @Override
  public Object getObject(int row) {
    return getBytes(row);
  }

  /** As Spark's {@code CAST(binary AS STRING)}: the bytes read as UTF-8. */
  @Override
  public String getString(int row) {
    return new String(getBytes(row), StandardCharsets.UTF_8);
  }

  @Override
  String typeName() {
    return "BINARY";
  }

  static final class OfVector extends BinaryAccessor {
    private final VariableWidthFieldVector vector;

    OfVector(VariableWidthFieldVector vector) {
      super(vector, null);
      this.vector = vector;
    }

    @Override
    public byte[] getBytes(int row) {
      return vector.get(row);
    }
  }

  static final class OfValues extends BinaryAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    /** A copy: the application may change the array it gets. */
    @Override
    public byte[] getBytes(int row) {
      return ((byte[]) value(row)).clone();
    }
  }
}

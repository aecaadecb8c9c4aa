package dev.sparkjdbc.jdbc.result.accessor;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/** BINARY: the bytes, a fresh array on every call. */
abstract class BinaryAccessor extends ColumnAccessor {
  BinaryAccessor(FieldVector vector) {
    super(vector);
  }

  BinaryAccessor(ValueColumn values) {
    super(values);
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
      super((FieldVector) vector);
      this.vector = vector;
    }

    @Override
    public byte[] getBytes(int row) {
      return vector.get(row);
    }
  }

  static final class OfValues extends BinaryAccessor {
    private final ValueColumn values;

    OfValues(ValueColumn values) {
      super(values);
      this.values = values;
    }

    /** A copy: the application may change the array it gets. */
    @Override
    public byte[] getBytes(int row) {
      return ((byte[]) values.get(row)).clone();
    }
  }
}

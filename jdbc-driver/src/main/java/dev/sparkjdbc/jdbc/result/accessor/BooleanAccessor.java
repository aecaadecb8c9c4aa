package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;

/** BOOLEAN: numbers read it as 1 or 0. */
abstract class BooleanAccessor extends ColumnAccessor {
  BooleanAccessor(BitVector vector) {
    super(vector);
  }

  BooleanAccessor(ValueColumn values) {
    super(values);
  }

  @Override
  public abstract boolean getBoolean(int row);

  @Override
  public Object getObject(int row) {
    return getBoolean(row);
  }

  @Override
  public String getString(int row) {
    return getBoolean(row) ? "true" : "false";
  }

  @Override
  public long getLong(int row) {
    return getBoolean(row) ? 1 : 0;
  }

  @Override
  public double getDouble(int row) {
    return getLong(row);
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return getBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
  }

  @Override
  String typeName() {
    return "BOOLEAN";
  }

  static final class OfVector extends BooleanAccessor {
    private final BitVector vector;

    OfVector(BitVector vector) {
      super(vector);
      this.vector = vector;
    }

    @Override
    public boolean getBoolean(int row) {
      return vector.get(row) != 0;
    }
  }

  static final class OfValues extends BooleanAccessor {
    private final ValueColumn values;

    OfValues(ValueColumn values) {
      super(values);
      this.values = values;
    }

    @Override
    public boolean getBoolean(int row) {
      return (Boolean) values.get(row);
    }
  }
}

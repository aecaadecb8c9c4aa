package dev.sparkjdbc.jdbc.result.accessor;

import org.apache.arrow.vector.ValueVector;

/**
 * Types without a dedicated accessor (a type a newer Spark adds): {@code getObject} returns Arrow's
 * Java view of the value (or the value the driver holds) and {@code getString} its text. Every
 * other getter refuses with a conversion error.
 */
abstract class ObjectAccessor extends ColumnAccessor {
  private final String typeName;

  ObjectAccessor(ValueVector vector, ValueColumn values, String typeName) {
    super(vector, values);
    this.typeName = typeName;
  }

  @Override
  String typeName() {
    return typeName;
  }

  static final class OfVector extends ObjectAccessor {
    private final ValueVector vector;

    OfVector(ValueVector vector, String typeName) {
      super(vector, null, typeName);
      this.vector = vector;
    }

    @Override
    public Object getObject(int row) {
      return vector.getObject(row);
    }
  }

  static final class OfValues extends ObjectAccessor {

    OfValues(ValueColumn values, String typeName) {
      super(null, values, typeName);
    }

    @Override
    public Object getObject(int row) {
      return value(row);
    }
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import org.apache.arrow.vector.ValueVector;

/**
 * Types without a dedicated accessor yet (arrays, maps, structs, intervals, TIME, VARIANT): {@code
 * getObject} returns Arrow's Java view of the value and {@code getString} its text. Every other
 * getter refuses with a conversion error.
 */
final class ObjectAccessor extends ColumnAccessor {
  private final ValueVector vector;
  private final String typeName;

  ObjectAccessor(ValueVector vector, String typeName) {
    super(vector);
    this.vector = vector;
    this.typeName = typeName;
  }

  @Override
  public Object getObject(int row) {
    return vector.getObject(row);
  }

  @Override
  String typeName() {
    return typeName;
  }
}

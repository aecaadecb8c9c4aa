package dev.sparkjdbc.jdbc.result.accessor;

import org.apache.arrow.vector.ValueVector;

/** Spark's NULL (VOID) type: every value is null, so no getter past {@code isNull} runs. */
final class NullAccessor extends ColumnAccessor {
  NullAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public Object getObject(int row) {
    return null;
  }

  @Override
  String typeName() {
    return "VOID";
  }
}

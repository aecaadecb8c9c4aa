package dev.sparkjdbc.jdbc.result.accessor;

import org.apache.arrow.vector.NullVector;

/** Spark's NULL (VOID) type: every value is null, so no getter past {@code isNull} runs. */
final class NullAccessor extends ColumnAccessor {
  NullAccessor(NullVector vector) {
    super(vector);
  }

  NullAccessor(ValueColumn values) {
    super(values);
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

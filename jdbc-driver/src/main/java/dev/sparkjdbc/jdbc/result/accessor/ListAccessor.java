package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;
import java.util.StringJoiner;
import org.apache.arrow.vector.complex.ListVector;

/** ARRAY&lt;T&gt;: {@code getObject} is a {@link java.sql.Array} holding the elements' values. */
final class ListAccessor extends ColumnAccessor {
  private final ListVector vector;
  private final ColumnAccessor elements;
  private final DataType elementType;
  private final DetachedRows detachedRows;

  ListAccessor(ListVector vector, DataType elementType, ColumnContext context) {
    super(vector);
    this.vector = vector;
    this.elementType = elementType;
    this.elements = ColumnAccessors.forVector(vector.getDataVector(), elementType, context);
    this.detachedRows = context.detachedRows();
  }

  /** The elements' values, copied out so the array outlives the current batch. */
  Object[] values(int row) throws SQLException {
    int from = vector.getElementStartIndex(row);
    int to = vector.getElementEndIndex(row);
    Object[] out = new Object[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = elements.isNull(i) ? null : elements.getObject(i);
    }
    return out;
  }

  @Override
  public Object getObject(int row) throws SQLException {
    return new SparkArray(elementType, values(row), detachedRows);
  }

  /** As Spark's {@code CAST(array AS STRING)}: {@code [1, null, 3]}. */
  @Override
  public String getString(int row) throws SQLException {
    StringJoiner s = new StringJoiner(", ", "[", "]");
    for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
      s.add(elements.isNull(i) ? "null" : elements.getString(i));
    }
    return s.toString();
  }

  @Override
  String typeName() {
    return "ARRAY";
  }
}

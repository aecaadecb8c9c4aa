package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;
import java.util.StringJoiner;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;

/** ARRAY&lt;T&gt;: {@code getObject} is a {@link java.sql.Array} holding the elements' values. */
abstract class ListAccessor extends ColumnAccessor {
  /** A row's elements: positions {@code from} to {@code to} (exclusive) of {@code elements}. */
  record Slice(ColumnAccessor elements, int from, int to) {}

  private final DataType elementType;
  private final DetachedRows detachedRows;

  ListAccessor(
      ValueVector vector, ValueColumn values, DataType elementType, ColumnContext context) {
    super(vector, values);
    this.elementType = elementType;
    this.detachedRows = context.detachedRows();
  }

  abstract Slice slice(int row) throws SQLException;

  /** The elements' values, copied out so the array outlives the current batch. */
  @Override
  public Object getObject(int row) throws SQLException {
    Slice s = slice(row);
    Object[] out = new Object[s.to() - s.from()];
    for (int i = s.from(); i < s.to(); i++) {
      out[i - s.from()] = s.elements().isNull(i) ? null : s.elements().getObject(i);
    }
    return new SparkArray(elementType, out, detachedRows);
  }

  /** As Spark's {@code CAST(array AS STRING)}: {@code [1, null, 3]}. */
  @Override
  public String getString(int row) throws SQLException {
    Slice s = slice(row);
    StringJoiner text = new StringJoiner(", ", "[", "]");
    for (int i = s.from(); i < s.to(); i++) {
      text.add(s.elements().isNull(i) ? "null" : s.elements().getString(i));
    }
    return text.toString();
  }

  @Override
  String typeName() {
    return "ARRAY";
  }

  static final class OfVector extends ListAccessor {
    private final ListVector vector;
    private final ColumnAccessor elements;

    OfVector(ListVector vector, DataType elementType, ColumnContext context) {
      super(vector, null, elementType, context);
      this.vector = vector;
      this.elements = ColumnAccessors.forVector(vector.getDataVector(), elementType, context);
    }

    @Override
    Slice slice(int row) {
      return new Slice(elements, vector.getElementStartIndex(row), vector.getElementEndIndex(row));
    }
  }

  /** The values are what getObject gives: {@link SparkArray}s. */
  static final class OfValues extends ListAccessor {
    private final DataType elementType;
    private final ColumnContext context;

    OfValues(ValueColumn values, DataType elementType, ColumnContext context) {
      super(null, values, elementType, context);
      this.elementType = elementType;
      this.context = context;
    }

    @Override
    Slice slice(int row) throws SQLException {
      Object[] elements = ((SparkArray) value(row)).elements();
      return new Slice(
          ColumnAccessors.forValues(ValueColumn.of(elements), elementType, context),
          0,
          elements.length);
    }
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/** MAP&lt;K,V&gt;: {@code getObject} is a {@link java.util.Map} in the server's entry order. */
abstract class MapAccessor extends ColumnAccessor {
  /** A row's entries: positions {@code from} to {@code to} (exclusive) of the two accessors. */
  record Entries(ColumnAccessor keys, ColumnAccessor values, int from, int to) {}

  MapAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  abstract Entries entries(int row);

  @Override
  public Object getObject(int row) throws SQLException {
    Entries e = entries(row);
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = e.from(); i < e.to(); i++) {
      map.put(e.keys().getObject(i), e.values().isNull(i) ? null : e.values().getObject(i));
    }
    return map;
  }

  /** As Spark's {@code CAST(map AS STRING)}: {@code {a -> 1, b -> null}}. */
  @Override
  public String getString(int row) throws SQLException {
    Entries e = entries(row);
    StringJoiner s = new StringJoiner(", ", "{", "}");
    for (int i = e.from(); i < e.to(); i++) {
      s.add(
          e.keys().getString(i)
              + " -> "
              + (e.values().isNull(i) ? "null" : e.values().getString(i)));
    }
    return s.toString();
  }

  @Override
  String typeName() {
    return "MAP";
  }

  static final class OfVector extends MapAccessor {
    private final MapVector vector;
    private final ColumnAccessor keys;
    private final ColumnAccessor values;

    OfVector(MapVector vector, DataType.Map type, ColumnContext context) {
      super(vector, null);
      this.vector = vector;
      StructVector entries = (StructVector) vector.getDataVector();
      this.keys =
          ColumnAccessors.forVector(
              (FieldVector) entries.getChildByOrdinal(0), type.getKeyType(), context);
      this.values =
          ColumnAccessors.forVector(
              (FieldVector) entries.getChildByOrdinal(1), type.getValueType(), context);
    }

    @Override
    Entries entries(int row) {
      return new Entries(
          keys, values, vector.getElementStartIndex(row), vector.getElementEndIndex(row));
    }
  }

  /** The values are what getObject gives: {@link Map}s in entry order. */
  static final class OfValues extends MapAccessor {
    private final DataType.Map type;
    private final ColumnContext context;

    OfValues(ValueColumn values, DataType.Map type, ColumnContext context) {
      super(null, values);
      this.type = type;
      this.context = context;
    }

    @Override
    Entries entries(int row) {
      Map<?, ?> map = (Map<?, ?>) value(row);
      Object[] keys = map.keySet().toArray();
      Object[] entryValues = map.values().toArray();
      return new Entries(
          ColumnAccessors.forValues(ValueColumn.of(keys), type.getKeyType(), context),
          ColumnAccessors.forValues(ValueColumn.of(entryValues), type.getValueType(), context),
          0,
          keys.length);
    }
  }
}

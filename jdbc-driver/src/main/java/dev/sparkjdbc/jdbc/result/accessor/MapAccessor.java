package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/** MAP&lt;K,V&gt;: {@code getObject} is a {@link java.util.Map} in the server's entry order. */
final class MapAccessor extends ColumnAccessor {
  private final MapVector vector;
  private final ColumnAccessor keys;
  private final ColumnAccessor values;

  MapAccessor(MapVector vector, DataType.Map type, ColumnContext context) {
    super(vector);
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
  public Object getObject(int row) throws SQLException {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
      map.put(keys.getObject(i), values.isNull(i) ? null : values.getObject(i));
    }
    return map;
  }

  /** As Spark's {@code CAST(map AS STRING)}: {@code {a -> 1, b -> null}}. */
  @Override
  public String getString(int row) throws SQLException {
    StringJoiner s = new StringJoiner(", ", "{", "}");
    for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
      s.add(keys.getString(i) + " -> " + (values.isNull(i) ? "null" : values.getString(i)));
    }
    return s.toString();
  }

  @Override
  String typeName() {
    return "MAP";
  }
}

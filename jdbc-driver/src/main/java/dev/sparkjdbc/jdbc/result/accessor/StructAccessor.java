package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.SQLException;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/** STRUCT&lt;…&gt;: {@code getObject} is a {@link java.sql.Struct} of the fields' values. */
final class StructAccessor extends ColumnAccessor {
  private final ColumnAccessor[] fields;
  private final String typeName;

  StructAccessor(StructVector vector, DataType type, ColumnContext context) {
    super(vector);
    this.typeName = SparkTypeNames.sqlName(type);
    int n = vector.size();
    fields = new ColumnAccessor[n];
    for (int i = 0; i < n; i++) {
      DataType fieldType =
          type.getStruct().getFieldsCount() == n
              ? type.getStruct().getFields(i).getDataType()
              : SparkSchema.fromArrow(vector.getChildByOrdinal(i).getField());
      fields[i] =
          ColumnAccessors.forVector((FieldVector) vector.getChildByOrdinal(i), fieldType, context);
    }
  }

  @Override
  public Object getObject(int row) throws SQLException {
    Object[] attributes = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      attributes[i] = fields[i].isNull(row) ? null : fields[i].getObject(row);
    }
    return new SparkStruct(typeName, attributes);
  }

  /** As Spark's {@code CAST(struct AS STRING)}: {@code {1, null, x}}. */
  @Override
  public String getString(int row) throws SQLException {
    StringJoiner s = new StringJoiner(", ", "{", "}");
    for (ColumnAccessor f : fields) {
      s.add(f.isNull(row) ? "null" : f.getString(row));
    }
    return s.toString();
  }

  @Override
  String typeName() {
    return "STRUCT";
  }
}

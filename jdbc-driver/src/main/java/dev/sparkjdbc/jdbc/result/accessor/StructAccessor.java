package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.SQLException;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.StructVector;

/** STRUCT&lt;…&gt;: {@code getObject} is a {@link java.sql.Struct} of the fields' values. */
abstract class StructAccessor extends ColumnAccessor {
  /** A row's fields: one accessor per field, each read at {@code index}. */
  record Fields(ColumnAccessor[] accessors, int index) {}

  private final String typeName;

  StructAccessor(ValueVector vector, ValueColumn values, DataType type) {
    super(vector, values);
    this.typeName = SparkTypeNames.sqlName(type);
  }

  abstract Fields fields(int row);

  @Override
  public Object getObject(int row) throws SQLException {
    Fields f = fields(row);
    Object[] attributes = new Object[f.accessors().length];
    for (int i = 0; i < attributes.length; i++) {
      ColumnAccessor field = f.accessors()[i];
      attributes[i] = field.isNull(f.index()) ? null : field.getObject(f.index());
    }
    return new SparkStruct(typeName, attributes);
  }

  /** As Spark's {@code CAST(struct AS STRING)}: {@code {1, null, x}}. */
  @Override
  public String getString(int row) throws SQLException {
    Fields f = fields(row);
    StringJoiner s = new StringJoiner(", ", "{", "}");
    for (ColumnAccessor field : f.accessors()) {
      s.add(field.isNull(f.index()) ? "null" : field.getString(f.index()));
    }
    return s.toString();
  }

  @Override
  String typeName() {
    return "STRUCT";
  }

  static final class OfVector extends StructAccessor {
    private final ColumnAccessor[] fields;

    OfVector(StructVector vector, DataType type, ColumnContext context) {
      super(vector, null, type);
      int n = vector.size();
      fields = new ColumnAccessor[n];
      for (int i = 0; i < n; i++) {
        DataType fieldType =
            type.getStruct().getFieldsCount() == n
                ? type.getStruct().getFields(i).getDataType()
                : SparkSchema.fromArrow(vector.getChildByOrdinal(i).getField());
        fields[i] =
            ColumnAccessors.forVector(
                (FieldVector) vector.getChildByOrdinal(i), fieldType, context);
      }
    }

    @Override
    Fields fields(int row) {
      return new Fields(fields, row);
    }
  }

  /** The values are what getObject gives: {@link SparkStruct}s. */
  static final class OfValues extends StructAccessor {
    private final DataType type;
    private final ColumnContext context;

    OfValues(ValueColumn values, DataType type, ColumnContext context) {
      super(null, values, type);
      this.type = type;
      this.context = context;
    }

    @Override
    Fields fields(int row) {
      Object[] attributes = ((SparkStruct) value(row)).getAttributes();
      ColumnAccessor[] fields = new ColumnAccessor[attributes.length];
      for (int i = 0; i < attributes.length; i++) {
        DataType fieldType =
            i < type.getStruct().getFieldsCount()
                ? type.getStruct().getFields(i).getDataType()
                : DataType.getDefaultInstance(); // not said: read as an object
        fields[i] =
            ColumnAccessors.forValues(
                ValueColumn.of(new Object[] {attributes[i]}), fieldType, context);
      }
      return new Fields(fields, 0);
    }
  }
}

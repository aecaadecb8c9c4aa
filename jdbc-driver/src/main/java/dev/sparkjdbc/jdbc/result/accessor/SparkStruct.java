package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.Arrays;
import java.util.Map;

/** A STRUCT value: its fields' values in declaration order. */
final class SparkStruct implements Struct {
  private final String typeName;
  private final Object[] attributes;

  SparkStruct(String typeName, Object[] attributes) {
    this.typeName = typeName;
    this.attributes = attributes;
  }

  @Override
  public String getSQLTypeName() {
    return typeName;
  }

  @Override
  public Object[] getAttributes() {
    return attributes.clone();
  }

  @Override
  public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("Custom type maps");
    }
    return getAttributes();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkStruct s
        && typeName.equals(s.typeName)
        && Arrays.deepEquals(attributes, s.attributes);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(attributes);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(attributes);
  }
}

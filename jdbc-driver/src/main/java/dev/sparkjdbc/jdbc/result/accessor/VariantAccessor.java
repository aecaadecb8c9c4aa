package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * VARIANT: Spark sends its binary encoding (value and metadata); getString and getObject give the
 * JSON text Spark's {@code CAST(v AS STRING)} gives.
 */
abstract class VariantAccessor extends ColumnAccessor {
  // Variant encoding: basic types in the header's low 2 bits, primitive type ids above them.
  private static final int PRIMITIVE = 0;
  private static final int SHORT_STRING = 1;
  private static final int NULL = 0;
  private static final int DOUBLE = 7;
  private static final int DATE = 11;
  private static final int TIMESTAMP = 12;
  private static final int TIMESTAMP_NTZ = 13;
  private static final int FLOAT = 14;
  private static final int BINARY = 15;
  private static final int LONG_STRING = 16;
  private static final int UUID = 20;

  VariantAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  /**
   * Objects and arrays are their JSON. A variant that is a single scalar is cast as Spark casts it:
   * strings, binary (as UTF-8), dates, UUIDs and NaN without JSON quotes, timestamps without their
   * offset, and a JSON null as SQL NULL.
   */
  @Override
  public abstract String getString(int row) throws SQLException;

  @Override
  public Object getObject(int row) throws SQLException {
    return getString(row);
  }

  /** The text of a variant whose encoding is {@code bytes} and JSON {@code json}. */
  private static String text(byte[] bytes, String json) {
    int header = bytes[0] & 0xFF;
    int basicType = header & 0x3;
    if (basicType == SHORT_STRING) {
      return new String(bytes, 1, header >> 2, StandardCharsets.UTF_8);
    }
    if (basicType != PRIMITIVE) {
      return json;
    }
    return switch (header >> 2) {
      case NULL -> null;
      case LONG_STRING, BINARY ->
          new String(bytes, 5, littleEndianInt(bytes, 1), StandardCharsets.UTF_8);
      case TIMESTAMP -> unquote(json).replaceFirst("[+-]\\d\\d:\\d\\d$", "");
      case DATE, TIMESTAMP_NTZ, UUID, DOUBLE, FLOAT -> unquote(json);
      default -> json;
    };
  }

  private static String unquote(String json) {
    return json.length() >= 2 && json.startsWith("\"")
        ? json.substring(1, json.length() - 1)
        : json;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  @Override
  String typeName() {
    return "VARIANT";
  }

  static final class OfVector extends VariantAccessor {
    private final VarBinaryVector value;
    private final VarBinaryVector metadata;
    private final ColumnContext context;

    OfVector(StructVector vector, ColumnContext context) {
      super(vector, null);
      this.value = (VarBinaryVector) vector.getChild("value");
      this.metadata = (VarBinaryVector) vector.getChild("metadata");
      this.context = context;
    }

    /** A variant holding JSON null is SQL NULL, as Spark's CAST to STRING makes it. */
    @Override
    public boolean isNull(int row) {
      return super.isNull(row)
          || value.isNull(row)
          || (value.get(row).length > 0 && value.get(row)[0] == 0);
    }

    @Override
    public String getString(int row) throws SQLException {
      byte[] bytes = value.get(row);
      try {
        return text(
            bytes, VariantJson.toJson(bytes, metadata.get(row), context.sessionZone().get()));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new SQLException(
            "Cannot decode a VARIANT value: " + e.getMessage(), SqlState.GENERAL, e);
      }
    }
  }

  /** The values are what getObject gives: the text. */
  static final class OfValues extends VariantAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    public String getString(int row) {
      return (String) value(row);
    }
  }
}

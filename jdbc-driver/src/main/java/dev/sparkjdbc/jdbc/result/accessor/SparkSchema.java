package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Spark's data types, the source of truth for column metadata. Spark sends them with every query
 * result; for results that arrive without them (command output) they are derived from the Arrow
 * schema, which carries all but CHAR/VARCHAR lengths, interval field ranges and VARIANT.
 */
public final class SparkSchema {
  private SparkSchema() {}

  /** The Spark type an Arrow field stands for. */
  public static DataType fromArrow(Field field) {
    ArrowType type = field.getType();
    DataType.Builder b = DataType.newBuilder();
    switch (type.getTypeID()) {
      case Null -> b.setNull(DataType.NULL.getDefaultInstance());
      case Bool -> b.setBoolean(DataType.Boolean.getDefaultInstance());
      case Int -> {
        switch (((ArrowType.Int) type).getBitWidth()) {
          case 8 -> b.setByte(DataType.Byte.getDefaultInstance());
          case 16 -> b.setShort(DataType.Short.getDefaultInstance());
          case 32 -> b.setInteger(DataType.Integer.getDefaultInstance());
          default -> b.setLong(DataType.Long.getDefaultInstance());
        }
      }
      case FloatingPoint -> {
        if (((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE) {
          b.setFloat(DataType.Float.getDefaultInstance());
        } else {
          b.setDouble(DataType.Double.getDefaultInstance());
        }
      }
      case Decimal -> {
        ArrowType.Decimal d = (ArrowType.Decimal) type;
        b.setDecimal(
            DataType.Decimal.newBuilder().setPrecision(d.getPrecision()).setScale(d.getScale()));
      }
      case Utf8, LargeUtf8, Utf8View -> b.setString(DataType.String.getDefaultInstance());
      case Binary, LargeBinary, BinaryView, FixedSizeBinary ->
          b.setBinary(DataType.Binary.getDefaultInstance());
      case Date -> b.setDate(DataType.Date.getDefaultInstance());
      case Timestamp -> {
        if (((ArrowType.Timestamp) type).getTimezone() == null) {
          b.setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance());
        } else {
          b.setTimestamp(DataType.Timestamp.getDefaultInstance());
        }
      }
      case Time -> b.setTime(DataType.Time.newBuilder().setPrecision(6));
      case Interval -> {
        if (((ArrowType.Interval) type).getUnit() == IntervalUnit.YEAR_MONTH) {
          b.setYearMonthInterval(
              DataType.YearMonthInterval.newBuilder().setStartField(0).setEndField(1));
        } else {
          b.setCalendarInterval(DataType.CalendarInterval.getDefaultInstance());
        }
      }
      case Duration ->
          b.setDayTimeInterval(
              DataType.DayTimeInterval.newBuilder().setStartField(0).setEndField(3));
      case List, LargeList, FixedSizeList, ListView -> {
        Field element = field.getChildren().get(0);
        b.setArray(
            DataType.Array.newBuilder()
                .setElementType(fromArrow(element))
                .setContainsNull(element.isNullable()));
      }
      case Map -> {
        List<Field> kv = field.getChildren().get(0).getChildren();
        b.setMap(
            DataType.Map.newBuilder()
                .setKeyType(fromArrow(kv.get(0)))
                .setValueType(fromArrow(kv.get(1)))
                .setValueContainsNull(kv.get(1).isNullable()));
      }
      case Struct -> {
        DataType.Struct.Builder s = DataType.Struct.newBuilder();
        for (Field child : field.getChildren()) {
          s.addFields(
              DataType.StructField.newBuilder()
                  .setName(child.getName())
                  .setDataType(fromArrow(child))
                  .setNullable(child.isNullable()));
        }
        b.setStruct(s);
      }
      default ->
          b.setUnparsed(
              DataType.Unparsed.newBuilder()
                  .setDataTypeString(type.getTypeID().name().toLowerCase(Locale.ROOT)));
    }
    return b.build();
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Chooses each column's accessor once, from its Spark type and its Arrow vector; nested types get
 * accessors for their children the same way.
 */
public final class ColumnAccessors {
  private ColumnAccessors() {}

  public static ColumnAccessor forVector(FieldVector vector, DataType type, ColumnContext context) {
    String name = SparkTypeNames.sqlName(type);
    switch (type.getKindCase()) {
      case YEAR_MONTH_INTERVAL:
        if (vector instanceof IntervalYearVector v) {
          return new YearMonthIntervalAccessor.OfVector(v, type.getYearMonthInterval());
        }
        break;
      case DAY_TIME_INTERVAL:
        if (vector instanceof DurationVector v) {
          return new DayTimeIntervalAccessor.OfVector(v, type.getDayTimeInterval());
        }
        break;
      case CALENDAR_INTERVAL:
        if (vector instanceof IntervalMonthDayNanoVector v) {
          return new CalendarIntervalAccessor.OfVector(v);
        }
        break;
      case VARIANT:
        if (vector instanceof StructVector v) {
          return new VariantAccessor.OfVector(v, context);
        }
        break;
      case MAP:
        if (vector instanceof MapVector v) {
          return new MapAccessor.OfVector(v, type.getMap(), context);
        }
        break;
      case ARRAY:
        if (vector instanceof ListVector v) {
          return new ListAccessor.OfVector(v, type.getArray().getElementType(), context);
        }
        break;
      case STRUCT:
        if (vector instanceof StructVector v) {
          return new StructAccessor.OfVector(v, type, context);
        }
        break;
      case UDT:
        if (type.getUdt().hasSqlType()) {
          return forVector(vector, type.getUdt().getSqlType(), context);
        }
        break;
      default:
        break;
    }
    if (vector instanceof BitVector v) {
      return new BooleanAccessor.OfVector(v);
    } else if (vector instanceof BaseIntVector v && !(vector instanceof NullVector)) {
      return new IntegralAccessor.OfVector(v, name);
    } else if (vector instanceof FloatingPointVector v) {
      return new FloatingAccessor.OfVector(v, vector instanceof Float4Vector);
    } else if (vector instanceof DecimalVector v) {
      return new DecimalAccessor.OfVector(v);
    } else if (vector instanceof VariableWidthFieldVector v
        && type.getKindCase() == DataType.KindCase.BINARY) {
      return new BinaryAccessor.OfVector(v);
    } else if (vector instanceof VariableWidthFieldVector v) {
      return new StringAccessor.OfVector(v);
    } else if (vector instanceof DateDayVector v) {
      return new DateAccessor.OfVector(v);
    } else if (vector instanceof TimeStampVector v) {
      return new TimestampAccessor.OfVector(v);
    } else if (vector instanceof TimeNanoVector || vector instanceof TimeMicroVector) {
      return new TimeAccessor.OfVector(vector);
    } else if (vector instanceof NullVector v) {
      return new NullAccessor(v, null);
    }
    return new ObjectAccessor.OfVector(vector, name);
  }

  /**
   * The accessor for values the driver holds as Java objects (metadata rows, array elements): the
   * same family as {@link #forVector} chooses for the type, so the same conversions answer.
   */
  public static ColumnAccessor forValues(ValueColumn values, DataType type, ColumnContext context) {
    if (type.hasUdt() && type.getUdt().hasSqlType()) {
      return forValues(values, type.getUdt().getSqlType(), context);
    }
    return switch (type.getKindCase()) {
      case NULL -> new NullAccessor(null, values);
      case BOOLEAN -> new BooleanAccessor.OfValues(values);
      case BYTE, SHORT, INTEGER, LONG ->
          new IntegralAccessor.OfValues(values, SparkTypeNames.sqlName(type));
      case FLOAT -> new FloatingAccessor.OfValues(values, true);
      case DOUBLE -> new FloatingAccessor.OfValues(values, false);
      case DECIMAL -> new DecimalAccessor.OfValues(values);
      case STRING, CHAR, VAR_CHAR -> new StringAccessor.OfValues(values);
      case BINARY -> new BinaryAccessor.OfValues(values);
      case DATE -> new DateAccessor.OfValues(values);
      case TIMESTAMP -> new TimestampAccessor.OfValues(values, false, context.sessionZone());
      case TIMESTAMP_NTZ -> new TimestampAccessor.OfValues(values, true, context.sessionZone());
      case TIME -> new TimeAccessor.OfValues(values);
      case YEAR_MONTH_INTERVAL ->
          new YearMonthIntervalAccessor.OfValues(values, type.getYearMonthInterval());
      case DAY_TIME_INTERVAL ->
          new DayTimeIntervalAccessor.OfValues(values, type.getDayTimeInterval());
      case CALENDAR_INTERVAL -> new CalendarIntervalAccessor.OfValues(values);
      case ARRAY -> new ListAccessor.OfValues(values, type.getArray().getElementType(), context);
      case MAP -> new MapAccessor.OfValues(values, type.getMap(), context);
      case STRUCT -> new StructAccessor.OfValues(values, type, context);
      case VARIANT -> new VariantAccessor.OfValues(values);
      default -> new ObjectAccessor.OfValues(values, SparkTypeNames.sqlName(type));
    };
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
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
          return new YearMonthIntervalAccessor(v, type.getYearMonthInterval());
        }
        break;
      case DAY_TIME_INTERVAL:
        if (vector instanceof DurationVector v) {
          return new DayTimeIntervalAccessor(v, type.getDayTimeInterval());
        }
        break;
      case CALENDAR_INTERVAL:
        if (vector instanceof IntervalMonthDayNanoVector v) {
          return new CalendarIntervalAccessor(v);
        }
        break;
      case VARIANT:
        if (vector instanceof StructVector v) {
          return new VariantAccessor(v, context);
        }
        break;
      case MAP:
        if (vector instanceof MapVector v) {
          return new MapAccessor(v, type.getMap(), context);
        }
        break;
      case ARRAY:
        if (vector instanceof ListVector v) {
          return new ListAccessor(v, type.getArray().getElementType(), context);
        }
        break;
      case STRUCT:
        if (vector instanceof StructVector v) {
          return new StructAccessor(v, type, context);
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
      return new BooleanAccessor(v);
    } else if (vector instanceof BaseIntVector v && !(vector instanceof NullVector)) {
      return new IntegralAccessor(v, name);
    } else if (vector instanceof FloatingPointVector v) {
      return new FloatingAccessor(v);
    } else if (vector instanceof DecimalVector v) {
      return new DecimalAccessor(v);
    } else if (vector instanceof VariableWidthFieldVector v
        && type.getKindCase() == DataType.KindCase.BINARY) {
      return new BinaryAccessor(v);
    } else if (vector instanceof VariableWidthFieldVector v) {
      return new StringAccessor(v);
    } else if (vector instanceof DateDayVector v) {
      return new DateAccessor(v);
    } else if (vector instanceof TimeStampVector v) {
      return new TimestampAccessor(v);
    } else if (vector instanceof TimeNanoVector || vector instanceof TimeMicroVector) {
      return new TimeAccessor(vector);
    } else if (vector instanceof NullVector v) {
      return new NullAccessor(v);
    }
    return new ObjectAccessor(vector, name);
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.time.Period;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.ValueVector;

/** INTERVAL YEAR [TO MONTH] / INTERVAL MONTH: a number of months, as {@link Period}. */
abstract class YearMonthIntervalAccessor extends ColumnAccessor {
  private final int start;
  private final int end;

  YearMonthIntervalAccessor(
      ValueVector vector, ValueColumn values, DataType.YearMonthInterval type) {
    super(vector, values);
    this.start = type.hasStartField() ? type.getStartField() : 0;
    this.end = type.hasEndField() ? type.getEndField() : 1;
  }

  /** The interval in months. */
  @Override
  public abstract long getLong(int row);

  @Override
  public Object getObject(int row) {
    return Period.ofMonths(Math.toIntExact(getLong(row))).normalized();
  }

  /** Spark's ANSI rendering, e.g. {@code INTERVAL '1-2' YEAR TO MONTH}. */
  @Override
  public String getString(int row) {
    long months = getLong(row);
    String sign = months < 0 ? "-" : "";
    long abs = Math.abs(months);
    String value;
    if (start == end) {
      value = start == 0 ? sign + abs / 12 : Long.toString(months);
    } else {
      value = sign + abs / 12 + "-" + abs % 12;
    }
    String[] f = SparkTypeNames.YEAR_MONTH_FIELDS;
    return "INTERVAL '" + value + "' " + (start == end ? f[start] : f[start] + " TO " + f[end]);
  }

  @Override
  String typeName() {
    return "INTERVAL";
  }

  static final class OfVector extends YearMonthIntervalAccessor {
    private final IntervalYearVector vector;

    OfVector(IntervalYearVector vector, DataType.YearMonthInterval type) {
      super(vector, null, type);
      this.vector = vector;
    }

    @Override
    public long getLong(int row) {
      return vector.get(row);
    }
  }

  /** The values are what getObject gives: {@link Period}s. */
  static final class OfValues extends YearMonthIntervalAccessor {

    OfValues(ValueColumn values, DataType.YearMonthInterval type) {
      super(null, values, type);
    }

    @Override
    public long getLong(int row) {
      return ((Period) value(row)).toTotalMonths();
    }
  }
}

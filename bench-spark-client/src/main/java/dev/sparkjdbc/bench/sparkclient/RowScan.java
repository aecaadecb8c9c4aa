package dev.sparkjdbc.bench.sparkclient;

import java.util.Iterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * One whole query through Spark's Connect client as an application reads it: {@code
 * toLocalIterator()} (the client's streaming path; {@code collectAsList()} holds the whole result
 * in memory and is several times slower), every column of every row read with the typed getter the
 * column's Spark type calls for. Values fold into a checksum the same way the benchmark's {@code
 * JdbcReader} folds our driver's values, so the two can be compared and no read can be optimised
 * away.
 */
final class RowScan {
  // The getter each column needs, decided once per query rather than once per value.
  private static final int LONG = 0;
  private static final int INT = 1;
  private static final int SHORT = 2;
  private static final int BYTE = 3;
  private static final int DOUBLE = 4;
  private static final int FLOAT = 5;
  private static final int BOOLEAN = 6;
  private static final int DECIMAL = 7;
  private static final int TIMESTAMP = 8;
  private static final int DATE = 9;
  private static final int STRING = 10;
  private static final int OTHER = 11;

  final long rows;
  final long nanos;
  final long checksum;

  private RowScan(long rows, long nanos, long checksum) {
    this.rows = rows;
    this.nanos = nanos;
    this.checksum = checksum;
  }

  /**
   * Nanos run from the call to {@code spark.sql} (a round trip of its own in Connect) to the last
   * row.
   */
  static RowScan run(SparkSession spark, String sql) {
    long start = System.nanoTime();
    Iterator<Row> it = spark.sql(sql).toLocalIterator();
    long rows = 0;
    long checksum = 0;
    int[] getters = null;
    while (it.hasNext()) {
      Row row = it.next();
      if (getters == null) {
        // The rows carry their schema: no extra AnalyzePlan round trip, which an application
        // that knows its columns would not make either.
        getters = getters(row.schema());
      }
      rows++;
      for (int i = 0; i < getters.length; i++) {
        checksum += read(row, i, getters[i]);
      }
    }
    long nanos = System.nanoTime() - start;
    return new RowScan(rows, nanos, checksum);
  }

  private static int[] getters(StructType schema) {
    StructField[] fields = schema.fields();
    int[] getters = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      getters[i] = getter(fields[i].dataType());
    }
    return getters;
  }

  private static int getter(DataType type) {
    if (type instanceof LongType) {
      return LONG;
    } else if (type instanceof IntegerType) {
      return INT;
    } else if (type instanceof ShortType) {
      return SHORT;
    } else if (type instanceof ByteType) {
      return BYTE;
    } else if (type instanceof DoubleType) {
      return DOUBLE;
    } else if (type instanceof FloatType) {
      return FLOAT;
    } else if (type instanceof BooleanType) {
      return BOOLEAN;
    } else if (type instanceof DecimalType) {
      return DECIMAL;
    } else if (type instanceof TimestampType) {
      return TIMESTAMP;
    } else if (type instanceof DateType) {
      return DATE;
    } else if (type instanceof StringType) {
      return STRING;
    }
    return OTHER;
  }

  /**
   * Same folding as JdbcReader: integers added, floating point cast to long, strings by length,
   * other objects hashed.
   */
  private static long read(Row row, int i, int getter) {
    if (row.isNullAt(i)) {
      return 0;
    }
    return switch (getter) {
      case LONG -> row.getLong(i);
      case INT -> row.getInt(i);
      case SHORT -> row.getShort(i);
      case BYTE -> row.getByte(i);
      case DOUBLE -> (long) row.getDouble(i);
      case FLOAT -> (long) row.getFloat(i);
      case BOOLEAN -> row.getBoolean(i) ? 1 : 0;
      case DECIMAL -> row.getDecimal(i).hashCode();
      case TIMESTAMP -> row.getTimestamp(i).hashCode();
      case DATE -> row.getDate(i).hashCode();
      case STRING -> row.getString(i).length();
      default -> row.get(i).hashCode();
    };
  }
}

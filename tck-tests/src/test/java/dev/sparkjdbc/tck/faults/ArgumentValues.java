package dev.sparkjdbc.tck.faults;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Made-up arguments for JDBC methods called by reflection, one per parameter type. The tests that
 * sweep every method of an interface (on closed objects, with bad indexes, with hostile values)
 * need the same mapping from parameter type to value, so it lives here once.
 */
final class ArgumentValues {
  private ArgumentValues() {}

  /**
   * A harmless, valid-looking value of {@code type}; null for JDBC value objects (Array, Blob,
   * Clob, NClob, Ref, RowId, SQLXML, Savepoint, ShardingKey …). The value for {@code int} and
   * {@code boolean} parameters is the caller's: what makes sense depends on the methods it calls.
   */
  static Object valid(Class<?> type, int anInt, boolean aBoolean) {
    if (type == int.class) {
      return anInt;
    } else if (type == long.class) {
      return 1L;
    } else if (type == short.class) {
      return (short) 1;
    } else if (type == byte.class) {
      return (byte) 1;
    } else if (type == boolean.class) {
      return aBoolean;
    } else if (type == float.class) {
      return 1f;
    } else if (type == double.class) {
      return 1d;
    } else if (type == String.class) {
      return "x";
    } else if (type == String[].class) {
      return new String[] {"x"};
    } else if (type == int[].class) {
      return new int[] {1};
    } else if (type == byte[].class) {
      return new byte[] {1};
    } else if (type == Object[].class) {
      return new Object[] {"x"};
    } else if (type == Object.class) {
      return "x";
    } else if (type == Class.class) {
      return Object.class;
    } else if (type == Map.class) {
      return new HashMap<>();
    } else if (type == Properties.class) {
      return new Properties();
    } else if (type == Calendar.class) {
      return Calendar.getInstance();
    } else if (type == Executor.class) {
      return (Executor) Runnable::run;
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (type == Date.class) {
      return Date.valueOf("2024-01-02");
    } else if (type == Time.class) {
      return Time.valueOf("12:34:56");
    } else if (type == Timestamp.class) {
      return Timestamp.valueOf("2024-01-02 12:34:56");
    } else if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[] {1});
    } else if (type == Reader.class) {
      return new StringReader("x");
    } else if (type == URL.class) {
      try {
        return URI.create("http://example.com/").toURL();
      } catch (MalformedURLException e) {
        throw new AssertionError(e);
      }
    } else if (type == SQLType.class) {
      return JDBCType.INTEGER;
    }
    return null;
  }

  /**
   * A hostile value of {@code type}: {@code n} for numbers; for references null, or, when {@code
   * empty}, an empty one (string, array, map, properties, stream) where the type has one.
   */
  static Object hostile(Class<?> type, int n, boolean empty) {
    if (type == int.class) {
      return n;
    } else if (type == long.class) {
      return (long) n;
    } else if (type == short.class) {
      return (short) n;
    } else if (type == byte.class) {
      return (byte) n;
    } else if (type == boolean.class) {
      return empty;
    } else if (type == float.class) {
      return (float) n;
    } else if (type == double.class) {
      return (double) n;
    } else if (!empty) {
      return null;
    } else if (type == String.class) {
      return "";
    } else if (type.isArray()) {
      return Array.newInstance(type.getComponentType(), 0);
    } else if (type == Map.class) {
      return new HashMap<>();
    } else if (type == Properties.class) {
      return new Properties();
    } else if (type == Object.class) {
      return "";
    } else if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[0]);
    } else if (type == Reader.class) {
      return new StringReader("");
    }
    return null;
  }
}

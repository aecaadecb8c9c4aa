package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a Spark VARIANT value (the {@code value} and {@code metadata} binaries of Spark's variant
 * encoding, which is also the Parquet Variant encoding) as JSON text, exactly as Spark's {@code
 * Variant.toJson(ZoneId)} does, that is what {@code to_json(v)} returns and what {@code CAST(v AS
 * STRING)} returns for objects and arrays.
 *
 * <p>Rendering rules (Spark 4.2):
 *
 * <ul>
 *   <li>object fields in stored order (Spark stores them sorted by key), no whitespace;
 *   <li>strings and keys escaped like Jackson's {@code writeString}: the quote and the backslash,
 *       {@code \b \t \n \f \r} as short escapes, other chars below U+0020 as a six-character
 *       backslash-u escape with upper-case hex digits, everything else (including U+007F and
 *       non-ASCII) verbatim;
 *   <li>integers of every width as plain integers; decimals with trailing zeros stripped, in plain
 *       notation ({@code 1.50} renders {@code 1.5}, {@code 100.00} renders {@code 100});
 *   <li>double and float as Java's {@code Double.toString} / {@code Float.toString} ({@code
 *       1.0E30}); NaN and infinities as quoted strings ({@code "NaN"});
 *   <li>date as {@code "yyyy-MM-dd"} ({@code LocalDate.toString}), timestamp as {@code "yyyy-MM-dd
 *       HH:mm:ss[.ffffff]+HH:MM"} in the given zone (seconds of the offset dropped), timestamp_ntz
 *       likewise without offset; binary as standard base64; uuid in canonical form; all quoted.
 * </ul>
 *
 * <p>It accepts exactly what Spark accepts: bytes that Spark never reads (trailing bytes, unused
 * dictionary entries) are not checked, as in Spark. Anything Spark would reject as {@code
 * MALFORMED_VARIANT} (or as an unknown primitive type) throws {@link IllegalArgumentException}.
 * Nesting is rendered without recursion, so depth is bounded only by the input size.
 */
final class VariantJson {
  // basic types (low 2 bits of a value header)
  private static final int PRIMITIVE = 0;
  private static final int SHORT_STR = 1;
  private static final int OBJECT = 2;
  private static final int ARRAY = 3;

  // primitive type ids (high 6 bits of a primitive header)
  private static final int NULL = 0;
  private static final int TRUE = 1;
  private static final int FALSE = 2;
  private static final int INT1 = 3;
  private static final int INT2 = 4;
  private static final int INT4 = 5;
  private static final int INT8 = 6;
  private static final int DOUBLE = 7;
  private static final int DECIMAL4 = 8;
  private static final int DECIMAL8 = 9;
  private static final int DECIMAL16 = 10;
  private static final int DATE = 11;
  private static final int TIMESTAMP = 12;
  private static final int TIMESTAMP_NTZ = 13;
  private static final int FLOAT = 14;
  private static final int BINARY = 15;
  private static final int LONG_STR = 16;
  private static final int UUID_TYPE = 20;

  private static final int METADATA_VERSION = 1;

  private static final DateTimeFormatter TIMESTAMP_NTZ_FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter(Locale.US);

  private static final DateTimeFormatter TIMESTAMP_FORMAT =
      new DateTimeFormatterBuilder()
          .append(TIMESTAMP_NTZ_FORMAT)
          .appendOffset("+HH:MM", "+00:00")
          .toFormatter(Locale.US);

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private VariantJson() {}

  /**
   * Renders the variant as JSON like Spark's {@code Variant.toJson(zone)}.
   *
   * @param value the variant value binary
   * @param metadata the variant metadata binary (version byte + key dictionary)
   * @param zone the time zone TIMESTAMP values are shown in (Spark's session time zone)
   * @throws IllegalArgumentException if an argument is null or the binaries are malformed
   */
  static String toJson(byte[] value, byte[] metadata, ZoneId zone) {
    if (value == null || metadata == null) {
      throw new IllegalArgumentException(
          "Malformed variant: " + (value == null ? "value" : "metadata") + " binary is null");
    }
    if (zone == null) {
      throw new IllegalArgumentException("Time zone for variant rendering is null");
    }
    if (metadata.length < 1) {
      throw new IllegalArgumentException("Malformed variant: metadata is empty");
    }
    if ((metadata[0] & 0x0F) != METADATA_VERSION) {
      throw new IllegalArgumentException(
          "Malformed variant: unsupported metadata version "
              + (metadata[0] & 0x0F)
              + " (expected "
              + METADATA_VERSION
              + ")");
    }
    return new Renderer(value, metadata, zone).render();
  }

  /** One open object or array during rendering. */
  private static final class Container {
    final boolean object;
    final int size;
    final int idSize;
    final int offsetSize;
    final long idStart;
    final long offsetStart;
    final long dataStart;
    int next;

    Container(
        boolean object,
        int size,
        int idSize,
        int offsetSize,
        long idStart,
        long offsetStart,
        long dataStart) {
      this.object = object;
      this.size = size;
      this.idSize = idSize;
      this.offsetSize = offsetSize;
      this.idStart = idStart;
      this.offsetStart = offsetStart;
      this.dataStart = dataStart;
    }
  }

  private static final class Renderer {
    private final byte[] value;
    private final byte[] metadata;
    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder();
    private final ArrayDeque<Container> open = new ArrayDeque<>();
    private Map<Integer, String> keys;

    Renderer(byte[] value, byte[] metadata, ZoneId zone) {
      this.value = value;
      this.metadata = metadata;
      this.zone = zone;
    }

    String render() {
      renderValue(0);
      while (!open.isEmpty()) {
        Container c = open.peek();
        if (c.next >= c.size) {
          out.append(c.object ? '}' : ']');
          open.pop();
          continue;
        }
        int i = c.next++;
        if (i > 0) {
          out.append(',');
        }
        if (c.object) {
          int id =
              readUnsigned(value, "value", c.idStart + (long) c.idSize * i, c.idSize, "field id");
          appendQuoted(key(id));
          out.append(':');
        }
        int offset =
            readUnsigned(
                value,
                "value",
                c.offsetStart + (long) c.offsetSize * i,
                c.offsetSize,
                c.object ? "field offset" : "element offset");
        renderValue(c.dataStart + offset);
      }
      return out.toString();
    }

    /** Appends a scalar, or opens a container (its children are rendered by the loop). */
    private void renderValue(long pos) {
      int header = byteAt(value, "value", pos, "header byte");
      int basicType = header & 0x3;
      int typeInfo = (header >> 2) & 0x3F;
      switch (basicType) {
        case SHORT_STR:
          appendQuoted(utf8(pos + 1, typeInfo, "short string"));
          return;
        case OBJECT:
          {
            boolean largeSize = ((typeInfo >> 4) & 0x1) != 0;
            int sizeBytes = largeSize ? 4 : 1;
            int size = readUnsigned(value, "value", pos + 1, sizeBytes, "object size");
            int idSize = ((typeInfo >> 2) & 0x3) + 1;
            int offsetSize = (typeInfo & 0x3) + 1;
            long idStart = pos + 1 + sizeBytes;
            long offsetStart = idStart + (long) size * idSize;
            long dataStart = offsetStart + ((long) size + 1) * offsetSize;
            out.append('{');
            open.push(
                new Container(true, size, idSize, offsetSize, idStart, offsetStart, dataStart));
            return;
          }
        case ARRAY:
          {
            boolean largeSize = ((typeInfo >> 2) & 0x1) != 0;
            int sizeBytes = largeSize ? 4 : 1;
            int size = readUnsigned(value, "value", pos + 1, sizeBytes, "array size");
            int offsetSize = (typeInfo & 0x3) + 1;
            long offsetStart = pos + 1 + sizeBytes;
            long dataStart = offsetStart + ((long) size + 1) * offsetSize;
            out.append('[');
            open.push(new Container(false, size, 0, offsetSize, 0, offsetStart, dataStart));
            return;
          }
        default:
          renderPrimitive(pos, typeInfo);
      }
    }

    private void renderPrimitive(long pos, int type) {
      switch (type) {
        case NULL:
          out.append("null");
          break;
        case TRUE:
          out.append("true");
          break;
        case FALSE:
          out.append("false");
          break;
        case INT1:
          out.append(readSigned(pos + 1, 1, "int8"));
          break;
        case INT2:
          out.append(readSigned(pos + 1, 2, "int16"));
          break;
        case INT4:
          out.append(readSigned(pos + 1, 4, "int32"));
          break;
        case INT8:
          out.append(readSigned(pos + 1, 8, "int64"));
          break;
        case DOUBLE:
          {
            double d = Double.longBitsToDouble(readSigned(pos + 1, 8, "double"));
            if (Double.isFinite(d)) {
              out.append(d);
            } else {
              appendQuoted(Double.toString(d));
            }
            break;
          }
        case FLOAT:
          {
            float f = Float.intBitsToFloat((int) readSigned(pos + 1, 4, "float"));
            if (Float.isFinite(f)) {
              out.append(f);
            } else {
              appendQuoted(Float.toString(f));
            }
            break;
          }
        case DECIMAL4:
          out.append(decimal(pos, 4, 9).stripTrailingZeros().toPlainString());
          break;
        case DECIMAL8:
          out.append(decimal(pos, 8, 18).stripTrailingZeros().toPlainString());
          break;
        case DECIMAL16:
          out.append(decimal(pos, 16, 38).stripTrailingZeros().toPlainString());
          break;
        case DATE:
          {
            int days = (int) readSigned(pos + 1, 4, "date");
            appendPlainQuoted(LocalDate.ofEpochDay(days).toString());
            break;
          }
        case TIMESTAMP:
          {
            Instant instant = microsToInstant(readSigned(pos + 1, 8, "timestamp"));
            appendPlainQuoted(TIMESTAMP_FORMAT.format(instant.atZone(zone)));
            break;
          }
        case TIMESTAMP_NTZ:
          {
            Instant instant = microsToInstant(readSigned(pos + 1, 8, "timestamp_ntz"));
            appendPlainQuoted(TIMESTAMP_NTZ_FORMAT.format(instant.atZone(ZoneOffset.UTC)));
            break;
          }
        case BINARY:
          {
            int length = readUnsigned(value, "value", pos + 1, 4, "binary length");
            long start = pos + 5;
            checkRange(start, length, "binary");
            byte[] bytes = new byte[length];
            System.arraycopy(value, (int) start, bytes, 0, length);
            appendPlainQuoted(Base64.getEncoder().encodeToString(bytes));
            break;
          }
        case LONG_STR:
          {
            int length = readUnsigned(value, "value", pos + 1, 4, "string length");
            appendQuoted(utf8(pos + 5, length, "string"));
            break;
          }
        case UUID_TYPE:
          {
            checkRange(pos + 1, 16, "uuid");
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
              high = (high << 8) | (value[(int) pos + 1 + i] & 0xFF);
              low = (low << 8) | (value[(int) pos + 9 + i] & 0xFF);
            }
            appendPlainQuoted(new UUID(high, low).toString());
            break;
          }
        default:
          throw new IllegalArgumentException(
              "Malformed variant: unknown primitive type id " + type + " at value offset " + pos);
      }
    }

    /** A decimal's unscaled value and scale, checked against the width's maximum precision. */
    private BigDecimal decimal(long pos, int width, int maxPrecision) {
      int scale = byteAt(value, "value", pos + 1, "decimal scale");
      BigDecimal result;
      if (width == 16) {
        checkRange(pos + 2, 16, "decimal16");
        byte[] bigEndian = new byte[16];
        for (int i = 0; i < 16; i++) {
          bigEndian[i] = value[(int) pos + 17 - i];
        }
        result = new BigDecimal(new BigInteger(bigEndian), scale);
      } else {
        result = BigDecimal.valueOf(readSigned(pos + 2, width, "decimal"), scale);
      }
      if (result.precision() > maxPrecision || result.scale() > maxPrecision) {
        throw new IllegalArgumentException(
            "Malformed variant: decimal"
                + width
                + " at value offset "
                + pos
                + " has precision "
                + result.precision()
                + " and scale "
                + result.scale()
                + ", more than "
                + maxPrecision);
      }
      return result;
    }

    private long readSigned(long pos, int numBytes, String what) {
      checkRange(pos, numBytes, what);
      int p = (int) pos;
      long result = 0;
      for (int i = 0; i < numBytes - 1; i++) {
        result |= (long) (value[p + i] & 0xFF) << (8 * i);
      }
      result |= (long) value[p + numBytes - 1] << (8 * (numBytes - 1));
      return result;
    }

    private String utf8(long start, int length, String what) {
      checkRange(start, length, what);
      return new String(value, (int) start, length, StandardCharsets.UTF_8);
    }

    private void checkRange(long start, long length, String what) {
      if (start < 0 || start + length > value.length) {
        throw new IllegalArgumentException(
            "Malformed variant: "
                + what
                + " of "
                + length
                + " bytes at value offset "
                + start
                + " runs past the end of the value ("
                + value.length
                + " bytes)");
      }
    }

    /** Dictionary key {@code id}, decoded once per rendering. */
    private String key(int id) {
      if (keys == null) {
        keys = new HashMap<>();
      }
      String key = keys.get(id);
      if (key == null) {
        key = readKey(id);
        keys.put(id, key);
      }
      return key;
    }

    private String readKey(int id) {
      int offsetSize = ((metadata[0] >> 6) & 0x3) + 1;
      int dictSize = readUnsigned(metadata, "metadata", 1, offsetSize, "dictionary size");
      if (id >= dictSize) {
        throw new IllegalArgumentException(
            "Malformed variant: field id "
                + id
                + " is not in the metadata dictionary of "
                + dictSize
                + " keys");
      }
      long stringsStart = 1 + ((long) dictSize + 2) * offsetSize;
      int start =
          readUnsigned(
              metadata,
              "metadata",
              1 + ((long) id + 1) * offsetSize,
              offsetSize,
              "dictionary offset");
      int end =
          readUnsigned(
              metadata,
              "metadata",
              1 + ((long) id + 2) * offsetSize,
              offsetSize,
              "dictionary offset");
      if (start > end) {
        throw new IllegalArgumentException(
            "Malformed variant: dictionary key "
                + id
                + " has start offset "
                + start
                + " after end offset "
                + end);
      }
      if (stringsStart + end > metadata.length) {
        throw new IllegalArgumentException(
            "Malformed variant: dictionary key "
                + id
                + " runs past the end of the metadata ("
                + metadata.length
                + " bytes)");
      }
      return new String(
          metadata, (int) (stringsStart + start), end - start, StandardCharsets.UTF_8);
    }

    private void appendQuoted(String s) {
      StringBuilder sb = out;
      sb.append('"');
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x20 && c != '"' && c != '\\') {
          sb.append(c);
          continue;
        }
        sb.append('\\');
        switch (c) {
          case '"':
          case '\\':
            sb.append(c);
            break;
          case '\b':
            sb.append('b');
            break;
          case '\t':
            sb.append('t');
            break;
          case '\n':
            sb.append('n');
            break;
          case '\f':
            sb.append('f');
            break;
          case '\r':
            sb.append('r');
            break;
          default:
            sb.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
      }
      sb.append('"');
    }

    /** Quotes text that never needs escaping (dates, base64, uuids). */
    private void appendPlainQuoted(String s) {
      out.append('"').append(s).append('"');
    }
  }

  private static Instant microsToInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static int byteAt(byte[] bytes, String binary, long pos, String what) {
    if (pos < 0 || pos >= bytes.length) {
      throw new IllegalArgumentException(
          "Malformed variant: "
              + what
              + " at "
              + binary
              + " offset "
              + pos
              + " is past the end of the "
              + binary
              + " ("
              + bytes.length
              + " bytes)");
    }
    return bytes[(int) pos] & 0xFF;
  }

  /** Little-endian unsigned integer of 1-4 bytes that must fit a non-negative int. */
  private static int readUnsigned(
      byte[] bytes, String binary, long pos, int numBytes, String what) {
    if (pos < 0 || pos + numBytes > bytes.length) {
      throw new IllegalArgumentException(
          "Malformed variant: "
              + what
              + " ("
              + numBytes
              + " bytes at "
              + binary
              + " offset "
              + pos
              + ") runs past the end of the "
              + binary
              + " ("
              + bytes.length
              + " bytes)");
    }
    int p = (int) pos;
    long result = 0;
    for (int i = 0; i < numBytes; i++) {
      result |= (long) (bytes[p + i] & 0xFF) << (8 * i);
    }
    if (result > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Malformed variant: "
              + what
              + " "
              + result
              + " at "
              + binary
              + " offset "
              + pos
              + " is too large");
    }
    return (int) result;
  }
}

package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;

final class DecimalAccessor extends ColumnAccessor {
  private final DecimalVector vector;

  /** Arrow's values are little-endian; ArrowBuf reads in the platform's order. */
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final int scale;

  DecimalAccessor(DecimalVector vector) {
    super(vector);
    this.vector = vector;
    this.scale = vector.getScale();
  }

  /**
   * The value, built from a long when its 128-bit unscaled value fits one (every DECIMAL of
   * precision up to 18, most others): Arrow's own getter goes through a byte array and a BigInteger
   * for every value.
   */
  private BigDecimal decimal(int row) {
    ArrowBuf values = vector.getDataBuffer();
    long index = (long) row * DecimalVector.TYPE_WIDTH;
    long low = values.getLong(index); // little-endian two's complement, low half first
    long high = values.getLong(index + Long.BYTES);
    return LITTLE_ENDIAN && high == (low >> 63)
        ? BigDecimal.valueOf(low, scale)
        : vector.getObject(row);
  }

  @Override
  public Object getObject(int row) {
    return decimal(row);
  }

  @Override
  public String getString(int row) {
    return decimal(row).toPlainString();
  }

  @Override
  public boolean getBoolean(int row) {
    return decimal(row).signum() != 0;
  }

  @Override
  public long getLong(int row) throws SQLException {
    return truncatedLong(decimal(row));
  }

  @Override
  public double getDouble(int row) {
    return decimal(row).doubleValue();
  }

  @Override
  public BigDecimal getBigDecimal(int row) {
    return decimal(row);
  }

  @Override
  String typeName() {
    return "DECIMAL";
  }
}

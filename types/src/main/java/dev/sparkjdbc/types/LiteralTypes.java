package dev.sparkjdbc.types;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;

/** The Spark type of a Connect literal the driver built. */
public final class LiteralTypes {
  private LiteralTypes() {}

  public static DataType of(Expression.Literal l) {
    DataType.Builder b = DataType.newBuilder();
    return switch (l.getLiteralTypeCase()) {
      case BOOLEAN -> b.setBoolean(DataType.Boolean.getDefaultInstance()).build();
      case BYTE -> b.setByte(DataType.Byte.getDefaultInstance()).build();
      case SHORT -> b.setShort(DataType.Short.getDefaultInstance()).build();
      case INTEGER -> b.setInteger(DataType.Integer.getDefaultInstance()).build();
      case LONG -> b.setLong(DataType.Long.getDefaultInstance()).build();
      case FLOAT -> b.setFloat(DataType.Float.getDefaultInstance()).build();
      case DOUBLE -> b.setDouble(DataType.Double.getDefaultInstance()).build();
      case DECIMAL ->
          b.setDecimal(
                  DataType.Decimal.newBuilder()
                      .setPrecision(l.getDecimal().getPrecision())
                      .setScale(l.getDecimal().getScale()))
              .build();
      case BINARY -> b.setBinary(DataType.Binary.getDefaultInstance()).build();
      case DATE -> b.setDate(DataType.Date.getDefaultInstance()).build();
      case TIMESTAMP -> b.setTimestamp(DataType.Timestamp.getDefaultInstance()).build();
      case TIMESTAMP_NTZ -> b.setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance()).build();
      case NULL -> l.getNull();
      default -> b.setString(DataType.String.getDefaultInstance()).build();
    };
  }
}

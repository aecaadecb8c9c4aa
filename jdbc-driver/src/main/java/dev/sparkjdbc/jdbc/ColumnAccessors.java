package dev.sparkjdbc.jdbc;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Chooses the accessor for a column once, from its Arrow vector. */
final class ColumnAccessors {
  private ColumnAccessors() {}

  static ColumnAccessor forVector(FieldVector vector, ColumnType type) {
    ArrowType.ArrowTypeID id = vector.getField().getType().getTypeID();
    if (vector instanceof BitVector v) {
      return new BooleanAccessor(v);
    } else if (vector instanceof BaseIntVector v && id == ArrowType.ArrowTypeID.Int) {
      return new IntegralAccessor(v, type.typeName());
    } else if (vector instanceof FloatingPointVector v) {
      return new FloatingAccessor(v);
    } else if (vector instanceof DecimalVector v) {
      return new DecimalAccessor(v);
    } else if (vector instanceof VariableWidthFieldVector v && type.jdbcType() == java.sql.Types.VARCHAR) {
      return new StringAccessor(v);
    } else if (vector instanceof VariableWidthFieldVector v && type.jdbcType() == java.sql.Types.VARBINARY) {
      return new BinaryAccessor(v);
    } else if (vector instanceof DateDayVector v) {
      return new DateAccessor(v);
    } else if (vector instanceof TimeStampVector v) {
      return new TimestampAccessor(v);
    } else if (vector instanceof NullVector v) {
      return new NullAccessor(v);
    }
    return new ObjectAccessor(vector, type.typeName());
  }
}

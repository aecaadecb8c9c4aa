package dev.sparkjdbc.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Array parameters as every supported server reads them (docs/compatibility.md). */
class ParameterLiteralsArrayTest {

  /** The least a java.sql.Array needs for binding: its base type name and its elements. */
  private record Elements(String baseTypeName, Object[] values) implements Array {
    @Override
    public String getBaseTypeName() {
      return baseTypeName;
    }

    @Override
    public Object getArray() {
      return values;
    }

    @Override
    public int getBaseType() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getArray(long index, int count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getResultSet() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getResultSet(long index, int count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void free() {}
  }

  @Test
  @SuppressWarnings("deprecation")
  void anArrayLiteralStatesItsElementTypeInBothPlaces() throws SQLException {
    Expression.Literal literal =
        ParameterLiterals.object(new Elements("BIGINT", new Object[] {1L, 2L})).getLiteral();
    assertThat(literal.getDataType().getArray().getElementType().hasLong()).isTrue();
    assertThat(literal.getArray().getElementType().hasLong())
        .as("the deprecated element_type, all a Spark 4.0 server reads")
        .isTrue();
  }

  @Test
  void anArrayWithoutNullsStaysALiteral() throws SQLException {
    Expression value = ParameterLiterals.object(new Elements("INT", new Object[] {1, 2}));
    assertThat(ParameterLiterals.hasNullElement(value)).isFalse();
    assertThat(ParameterLiterals.arrayAsCall(value)).isSameAs(value);
  }

  @Test
  void anArrayWithNullsBecomesATypedCallOfArray() throws SQLException {
    Expression value = ParameterLiterals.object(new Elements("BIGINT", new Object[] {1L, null}));
    assertThat(ParameterLiterals.hasNullElement(value)).isTrue();
    Expression call = ParameterLiterals.arrayAsCall(value);
    assertThat(call.hasCast()).isTrue();
    assertThat(call.getCast().getType().getArray().getElementType().hasLong()).isTrue();
    Expression.UnresolvedFunction array = call.getCast().getExpr().getUnresolvedFunction();
    assertThat(array.getFunctionName()).isEqualTo("array");
    assertThat(array.getArguments(0).getLiteral().getLong()).isEqualTo(1L);
    DataType nullType = array.getArguments(1).getLiteral().getNull();
    assertThat(nullType.hasLong()).as("a NULL of the element type, not of NullType").isTrue();
  }

  @Test
  void otherValuesAreLeftAlone() throws SQLException {
    Expression text = ParameterLiterals.string("x");
    assertThat(ParameterLiterals.hasNullElement(text)).isFalse();
    assertThat(ParameterLiterals.arrayAsCall(text)).isSameAs(text);
  }
}

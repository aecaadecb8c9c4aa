package dev.sparkjdbc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.proto.DataType;
import java.sql.JDBCType;
import java.sql.Types;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The type table's rules, checked against the JDBC specification's own lists. */
class SparkTypeTest {
  /** JDBC types with no Spark counterpart: refused wherever a JDBC type must become a Spark one. */
  private static final Set<JDBCType> NO_COUNTERPART =
      EnumSet.of(
          JDBCType.REF,
          JDBCType.ROWID,
          JDBCType.DATALINK,
          JDBCType.DISTINCT,
          JDBCType.REF_CURSOR,
          JDBCType.TIME_WITH_TIMEZONE);

  private static final Set<JDBCType> VALUE_DECIDES =
      EnumSet.of(
          JDBCType.NULL, JDBCType.OTHER, JDBCType.JAVA_OBJECT, JDBCType.ARRAY, JDBCType.STRUCT);

  @ParameterizedTest
  @EnumSource(JDBCType.class)
  void everyJdbcTypeHasOneAnswer(JDBCType jdbc) {
    int code = jdbc.getVendorTypeNumber();
    if (NO_COUNTERPART.contains(jdbc)) {
      assertThatThrownBy(() -> SparkType.forJdbc(code))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(jdbc.getName());
    } else if (VALUE_DECIDES.contains(jdbc)) {
      assertThat(SparkType.valueDecides(code)).isTrue();
      assertThat(SparkType.forJdbc(code)).isEmpty();
    } else {
      assertThat(SparkType.valueDecides(code)).isFalse();
      DataType spark = SparkType.forJdbc(code).orElseThrow();
      assertThat(SparkType.of(spark)).isPresent();
    }
  }

  @Test
  void aCodeThatIsNoJdbcTypeIsRefused() {
    assertThatThrownBy(() -> SparkType.forJdbc(123456))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("123456");
  }

  @Test
  void jdbcDecimalIsTheWidestDecimalWithAFraction() {
    for (int code : new int[] {Types.DECIMAL, Types.NUMERIC}) {
      DataType t = SparkType.forJdbc(code).orElseThrow();
      assertThat(t.getDecimal().getPrecision()).isEqualTo(38);
      assertThat(t.getDecimal().getScale()).isEqualTo(18);
    }
  }

  /** JDBC 4.3 B.1: FLOAT and DOUBLE are double precision, REAL single. */
  @Test
  void jdbcFloatIsDoublePrecision() {
    assertThat(SparkType.forJdbc(Types.FLOAT).orElseThrow().hasDouble()).isTrue();
    assertThat(SparkType.forJdbc(Types.DOUBLE).orElseThrow().hasDouble()).isTrue();
    assertThat(SparkType.forJdbc(Types.REAL).orElseThrow().hasFloat()).isTrue();
  }

  @Test
  void characterAndLargeObjectTypesAreStringsAndBinaries() {
    for (int code :
        new int[] {
          Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB
        }) {
      assertThat(SparkType.forJdbc(code).orElseThrow().hasString()).as("type %d", code).isTrue();
    }
    for (int code : new int[] {Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB}) {
      assertThat(SparkType.forJdbc(code).orElseThrow().hasBinary()).as("type %d", code).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(SparkType.class)
  void eachRowsDefaultTypeIsOfThatRow(SparkType row) {
    assertThat(SparkType.of(row.defaultType())).contains(row);
    assertThat(row.defaultType().getKindCase()).isEqualTo(row.kind());
  }

  @ParameterizedTest
  @EnumSource(SparkType.class)
  void columnFactsComeFromTheRow(SparkType row) {
    ColumnType column = ColumnType.of(row.defaultType());
    assertThat(column.jdbcType()).isEqualTo(row.jdbcType().getVendorTypeNumber());
    assertThat(column.className()).isEqualTo(row.javaClass().getName());
    assertThat(column.signed()).isEqualTo(row.signed());
    assertThat(column.precision()).isLessThanOrEqualTo(Math.max(row.precision(), 26));
  }

  @Test
  void sqlNamesFollowSparksGrammar() {
    assertThat(SparkTypeNames.forSqlName("integer")).contains(SparkType.INT);
    assertThat(SparkTypeNames.forSqlName("REAL")).contains(SparkType.FLOAT);
    // Spark's SQL FLOAT is single precision, unlike JDBC's FLOAT
    assertThat(SparkTypeNames.forSqlName("FLOAT")).contains(SparkType.FLOAT);
    assertThat(SparkTypeNames.forSqlName("NUMERIC")).contains(SparkType.DECIMAL);
    assertThat(SparkTypeNames.forSqlName("CLOB")).isEmpty();
  }
}

package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ARRAY as java.sql.Array, MAP as java.util.Map in the server's entry order, STRUCT as
 * java.sql.Struct, nested in each other. Expected contents come from the SQL literals.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplexTypesTest {
  private Connection connection;
  private Statement statement;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  private ResultSet one(String sql) throws SQLException {
    ResultSet rs = statement.executeQuery(sql);
    assertThat(rs.next()).as(sql).isTrue();
    return rs;
  }

  private static Array array(Object value) {
    assertThat(value).isInstanceOf(Array.class);
    return (Array) value;
  }

  private static Object[] elements(Object value) throws SQLException {
    Object elements = array(value).getArray();
    assertThat(elements).isInstanceOf(Object[].class);
    return (Object[]) elements;
  }

  private static List<Object> keys(Map<Object, Object> map) {
    return new ArrayList<>(map.keySet());
  }

  private static Object[] attributes(Object value) throws SQLException {
    assertThat(value).isInstanceOf(Struct.class);
    return ((Struct) value).getAttributes();
  }

  @Test
  void arrayOfIntWithNulls() throws SQLException {
    try (ResultSet rs = one("SELECT array(1, NULL, 3) AS a")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.ARRAY);
      Array a = array(rs.getObject(1));
      assertThat(a.getBaseTypeName()).isEqualTo("INT");
      assertThat(a.getBaseType()).isEqualTo(Types.INTEGER);
      assertThat(elements(a)).containsExactly(1, null, 3);
      assertThat(elements(a)[0]).isInstanceOf(Integer.class);
      assertThat((Object[]) a.getArray(2, 2)).containsExactly(null, 3);
      assertThat((Object[]) a.getArray(1, 0)).isEmpty();
      assertThat((Object[]) a.getArray(Map.of())).containsExactly(1, null, 3);
      assertThatThrownBy(() -> a.getArray(0, 1)).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> a.getArray(3, 2)).isInstanceOf(SQLException.class);
      assertThat(rs.getObject(1, Array.class)).isNotNull();
    }
  }

  @Test
  void arrayGetResultSetHasIndexAndValueRows() throws SQLException {
    try (ResultSet rs = one("SELECT array(10, NULL, 30) AS a")) {
      Array a = array(rs.getObject(1));
      try (ResultSet elements = a.getResultSet()) {
        assertThat(elements.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(elements.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("INDEX");
        assertThat(elements.getMetaData().getColumnLabel(2)).isEqualToIgnoringCase("VALUE");
        assertThat(elements.getMetaData().getColumnType(2)).isEqualTo(Types.INTEGER);
        List<String> rows = new ArrayList<>();
        while (elements.next()) {
          int index = elements.getInt("INDEX");
          int value = elements.getInt("VALUE");
          rows.add(index + ":" + (elements.wasNull() ? "null" : Integer.toString(value)));
        }
        assertThat(rows).containsExactly("1:10", "2:null", "3:30");
      }
      try (ResultSet slice = a.getResultSet(2, 2)) {
        assertThat(slice.next()).isTrue();
        assertThat(slice.getLong(1)).isEqualTo(2L);
        assertThat(slice.getObject(2)).isNull();
        assertThat(slice.wasNull()).isTrue();
        assertThat(slice.next()).isTrue();
        assertThat(slice.getLong(1)).isEqualTo(3L);
        assertThat(slice.getObject(2)).isEqualTo(30);
        assertThat(slice.next()).isFalse();
      }
    }
  }

  @Test
  void resultSetGetArrayReturnsTheArray() throws SQLException {
    try (ResultSet rs = one("SELECT array('a', NULL, '😀') AS a, CAST(NULL AS ARRAY<INT>) AS n")) {
      Array a = rs.getArray(1);
      assertThat(a.getBaseTypeName()).isEqualTo("STRING");
      assertThat(a.getBaseType()).isEqualTo(Types.VARCHAR);
      assertThat((Object[]) a.getArray()).containsExactly("a", null, "😀");
      assertThat(rs.getArray("a")).isNotNull();
      assertThat(rs.getArray(2)).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void freedArrayRefuses() throws SQLException {
    try (ResultSet rs = one("SELECT array(1, 2) AS a")) {
      Array a = array(rs.getObject(1));
      a.free();
      assertThatThrownBy(a::getArray).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void emptyAndNullArrays() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT array() AS e, CAST(array() AS ARRAY<STRING>) AS es, "
                + "CAST(NULL AS ARRAY<STRING>) AS n")) {
      assertThat(elements(rs.getObject(1))).isEmpty();
      assertThat(elements(rs.getObject(2))).isEmpty();
      try (ResultSet none = array(rs.getObject(2)).getResultSet()) {
        assertThat(none.next()).isFalse();
      }
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void nestedArrays() throws SQLException {
    try (ResultSet rs = one("SELECT array(array(1, 2), array(), NULL) AS a")) {
      Array a = array(rs.getObject(1));
      assertThat(a.getBaseType()).isEqualTo(Types.ARRAY);
      assertThat(a.getBaseTypeName()).isEqualTo("ARRAY<INT>");
      Object[] outer = elements(a);
      assertThat(outer).hasSize(3);
      assertThat(elements(outer[0])).containsExactly(1, 2);
      assertThat(array(outer[0]).getBaseType()).isEqualTo(Types.INTEGER);
      assertThat(elements(outer[1])).isEmpty();
      assertThat(outer[2]).isNull();
      try (ResultSet rows = a.getResultSet()) {
        assertThat(rows.next()).isTrue();
        assertThat(elements(rows.getObject(2))).containsExactly(1, 2);
      }
    }
  }

  @Test
  void arrayElementsHaveTheirTypesJavaClasses() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT array(DATE '2024-02-29') AS d, array(CAST('1.50' AS DECIMAL(5,2))) AS dec,"
                + " array(X'0102') AS b, array(TIMESTAMP_NTZ '2024-02-29 13:45:30.5') AS ntz,"
                + " array(INTERVAL '1' DAY) AS i, array(CAST(5 AS TINYINT)) AS t, array(CAST(5 AS"
                + " BIGINT)) AS l, array(true) AS z, array(CAST('2.5' AS DOUBLE)) AS dbl")) {
      assertThat(array(rs.getObject(1)).getBaseType()).isEqualTo(Types.DATE);
      assertThat(elements(rs.getObject(1)))
          .containsExactly(Date.valueOf(LocalDate.of(2024, 2, 29)));
      assertThat(array(rs.getObject(2)).getBaseType()).isEqualTo(Types.DECIMAL);
      assertThat(elements(rs.getObject(2))).containsExactly(new BigDecimal("1.50"));
      assertThat(array(rs.getObject(3)).getBaseType()).isEqualTo(Types.VARBINARY);
      assertThat((byte[]) elements(rs.getObject(3))[0]).containsExactly(1, 2);
      assertThat(elements(rs.getObject(4)))
          .containsExactly(
              Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000)));
      assertThat(elements(rs.getObject(5))).containsExactly(Duration.ofDays(1));
      assertThat(elements(rs.getObject(6))).containsExactly(5);
      assertThat(array(rs.getObject(6)).getBaseType()).isEqualTo(Types.TINYINT);
      assertThat(elements(rs.getObject(7))).containsExactly(5L);
      assertThat(elements(rs.getObject(8))).containsExactly(true);
      assertThat(elements(rs.getObject(9))).containsExactly(2.5d);
    }
  }

  @Test
  void mapIsAJavaMapInTheServersEntryOrder() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT m, CAST(map_keys(m) AS STRING) AS keys FROM "
                + "(SELECT map('b', 2, 'a', NULL, 'c', 3, 'aa', 4) AS m) t")) {
      assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.util.Map");
      Object value = rs.getObject(1);
      assertThat(value).isInstanceOf(Map.class);
      Map<Object, Object> map = (Map<Object, Object>) value;
      assertThat(keys(map)).containsExactly("b", "a", "c", "aa");
      assertThat(map.keySet().toString()).isEqualTo(rs.getString(2)); // the server's order
      assertThat(map.get("b")).isEqualTo(2);
      assertThat(map.containsKey("a")).isTrue();
      assertThat(map.get("a")).isNull();
      assertThat(map.get("aa")).isEqualTo(4);
      assertThat(rs.getObject(1, Map.class)).isEqualTo(map);
    }
  }

  @Test
  void mapsWithOtherKeyTypesEmptyAndNull() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT map(2, 'two', 1, NULL) AS m, map() AS e, "
                + "CAST(NULL AS MAP<STRING, INT>) AS n, map(DATE '2024-01-01', 1.5D) AS d")) {
      Map<Object, Object> m = (Map<Object, Object>) rs.getObject(1);
      assertThat(keys(m)).containsExactly(2, 1);
      assertThat(m.get(2)).isEqualTo("two");
      assertThat(m.get(1)).isNull();
      assertThat((Map<Object, Object>) rs.getObject(2)).isEmpty();
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.wasNull()).isTrue();
      Map<Object, Object> d = (Map<Object, Object>) rs.getObject(4);
      assertThat(d).containsEntry(Date.valueOf(LocalDate.of(2024, 1, 1)), (Object) 1.5d);
    }
  }

  @Test
  void mapOfStringToArrayOfInt() throws SQLException {
    try (ResultSet rs = one("SELECT map('x', array(1, NULL), 'y', NULL, 'z', array()) AS m")) {
      Map<Object, Object> m = (Map<Object, Object>) rs.getObject(1);
      assertThat(keys(m)).containsExactly("x", "y", "z");
      assertThat(elements(m.get("x"))).containsExactly(1, null);
      assertThat(array(m.get("x")).getBaseType()).isEqualTo(Types.INTEGER);
      assertThat(m.get("y")).isNull();
      assertThat(elements(m.get("z"))).isEmpty();
    }
  }

  @Test
  void structAttributesInDeclarationOrder() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT named_struct('a', 1, 'b', 'x', 'c', "
                + "named_struct('d', NULL, 'e', 2.5D), 'f', array(1), 'g', map('k', 'v')) AS s, "
                + "named_struct('a', CAST(NULL AS INT)) AS all_null, "
                + "CAST(NULL AS STRUCT<a: INT>) AS n")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.STRUCT);
      Object[] s = attributes(rs.getObject(1));
      assertThat(s).hasSize(5);
      assertThat(s[0]).isEqualTo(1);
      assertThat(s[1]).isEqualTo("x");
      assertThat(attributes(s[2])).containsExactly(null, 2.5d);
      assertThat(elements(s[3])).containsExactly(1);
      assertThat((Map<Object, Object>) s[4]).containsExactly(Map.entry((Object) "k", (Object) "v"));
      assertThat(rs.getObject(1, Struct.class)).isNotNull();
      assertThat(((Struct) rs.getObject(1)).getAttributes(Map.of())).hasSize(5);

      assertThat(rs.getObject(2)).as("a struct whose fields are all NULL is not NULL").isNotNull();
      assertThat(rs.wasNull()).isFalse();
      assertThat(attributes(rs.getObject(2))).containsExactly((Object) null);
      assertThat(rs.getObject(3)).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void arrayOfStructOfIntAndArrayOfString() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT array(named_struct('a', 1, 'b', array('x', NULL)), NULL, "
                + "named_struct('a', NULL, 'b', array())) AS v")) {
      Array a = array(rs.getObject(1));
      assertThat(a.getBaseType()).isEqualTo(Types.STRUCT);
      assertThat(a.getBaseTypeName()).startsWith("STRUCT");
      Object[] structs = elements(a);
      assertThat(structs).hasSize(3);
      Object[] first = attributes(structs[0]);
      assertThat(first[0]).isEqualTo(1);
      assertThat(elements(first[1])).containsExactly("x", null);
      assertThat(structs[1]).isNull();
      Object[] third = attributes(structs[2]);
      assertThat(third[0]).isNull();
      assertThat(elements(third[1])).isEmpty();
    }
  }

  @Test
  void arrayOfStructOfMap() throws SQLException {
    try (ResultSet rs =
        one(
            "SELECT array(named_struct('m', map('k', 1, 'j', NULL)), "
                + "named_struct('m', CAST(NULL AS MAP<STRING, INT>))) AS v")) {
      Object[] structs = elements(rs.getObject(1));
      Map<Object, Object> m = (Map<Object, Object>) attributes(structs[0])[0];
      assertThat(keys(m)).containsExactly("k", "j");
      assertThat(m.get("k")).isEqualTo(1);
      assertThat(m.get("j")).isNull();
      assertThat(attributes(structs[1])[0]).isNull();
    }
  }

  @Test
  void manyRowsOfArraysKeepTheirOwnValues() throws SQLException {
    // Each row's Array is copied out: it must not change when the cursor moves on.
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT id, sequence(0, CAST(id % 5 AS INT)) AS a FROM range(0, 25000) ORDER BY id")) {
      List<Object> kept = new ArrayList<>();
      int rows = 0;
      while (rs.next()) {
        long id = rs.getLong(1);
        Object[] values = elements(rs.getObject(2));
        assertThat(values).hasSize((int) (id % 5) + 1);
        if (id % 5000 == 4) {
          kept.add(rs.getObject(2));
        }
        rows++;
      }
      assertThat(rows).isEqualTo(25000);
      for (Object a : kept) {
        assertThat(Arrays.asList(elements(a))).containsExactly(0, 1, 2, 3, 4);
      }
    }
  }

  @Test
  void largeArray() throws SQLException {
    try (ResultSet rs = one("SELECT sequence(1, 100000) AS a, size(sequence(1, 100000)) AS n")) {
      Object[] values = elements(rs.getObject(1));
      assertThat(values).hasSize(rs.getInt(2));
      assertThat(values[0]).isEqualTo(1);
      assertThat(values[99_999]).isEqualTo(100_000);
      int count = 0;
      try (ResultSet rows = array(rs.getObject(1)).getResultSet()) {
        while (rows.next()) {
          count++;
          assertThat(rows.getInt(2)).isEqualTo(rows.getInt(1));
        }
      }
      assertThat(count).isEqualTo(100_000);
    }
  }
}

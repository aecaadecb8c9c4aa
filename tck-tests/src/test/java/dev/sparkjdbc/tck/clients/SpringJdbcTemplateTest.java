package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Spring's JDBC layer as applications use it, over a plain {@link DriverManagerDataSource} (a new
 * driver connection per operation): typed queries, row mappers into beans and records, named
 * parameters with list expansion, {@link SimpleJdbcInsert} (which builds its INSERT from
 * DatabaseMetaData), batch updates and the translation of Spark's errors into Spring's
 * DataAccessException hierarchy. PreparedStatementClientsTest covers JdbcTemplate's plain query
 * methods.
 */
@ExtendWith(SparkConnectServerExtension.class)
class SpringJdbcTemplateTest {
  private DriverManagerDataSource dataSource;
  private JdbcTemplate jdbc;

  @BeforeEach
  void dataSource(SparkConnectServer server) {
    dataSource = new DriverManagerDataSource(server.url());
    dataSource.setDriverClassName("dev.sparkjdbc.jdbc.SparkConnectDriver");
    jdbc = new JdbcTemplate(dataSource);
  }

  /** A JavaBean for BeanPropertyRowMapper (snake_case columns map to camelCase properties). */
  public static class Product {
    private int id;
    private String productName;
    private BigDecimal unitPrice;
    private LocalDate soldOn;

    public int getId() {
      return id;
    }

    public void setId(int id) {
      this.id = id;
    }

    public String getProductName() {
      return productName;
    }

    public void setProductName(String productName) {
      this.productName = productName;
    }

    public BigDecimal getUnitPrice() {
      return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
      this.unitPrice = unitPrice;
    }

    public LocalDate getSoldOn() {
      return soldOn;
    }

    public void setSoldOn(LocalDate soldOn) {
      this.soldOn = soldOn;
    }
  }

  /** The same row as a record, for DataClassRowMapper and a hand-written RowMapper. */
  public record ProductRecord(int id, String productName, BigDecimal unitPrice, LocalDate soldOn) {}

  private static final List<ProductRecord> PRODUCTS =
      List.of(
          new ProductRecord(1, "apple", new BigDecimal("1.50"), LocalDate.of(2024, 1, 2)),
          new ProductRecord(2, "pear", new BigDecimal("0.99"), LocalDate.of(2024, 2, 29)),
          new ProductRecord(3, "plum", null, null));

  /** The PRODUCTS as an inline table (VALUES). */
  private static String productsSql() {
    List<String> rows = new ArrayList<>();
    for (ProductRecord p : PRODUCTS) {
      rows.add(
          "("
              + p.id()
              + ", '"
              + p.productName()
              + "', "
              + (p.unitPrice() == null
                  ? "CAST(NULL AS DECIMAL(10,2))"
                  : "CAST(" + p.unitPrice() + " AS DECIMAL(10,2))")
              + ", "
              + (p.soldOn() == null ? "CAST(NULL AS DATE)" : "DATE '" + p.soldOn() + "'")
              + ")");
    }
    return "SELECT * FROM VALUES "
        + String.join(", ", rows)
        + " AS t(id, product_name, unit_price, sold_on)";
  }

  @Test
  void queryForListAndTypedQueryForObject() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT id, id * id AS sq, CAST(id AS STRING) AS s FROM range(1, 8)"
                + " WHERE id % ? = ? ORDER BY id",
            3, 1);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (long id = 1; id < 8; id++) {
      if (id % 3 == 1) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("sq", id * id);
        row.put("s", Long.toString(id));
        expected.add(row);
      }
    }
    assertThat(rows).isEqualTo(expected);

    assertThat(jdbc.queryForList("SELECT id FROM range(10, 0, -3)", Long.class))
        .containsExactly(10L, 7L, 4L, 1L);

    int n = 1000;
    assertThat(jdbc.queryForObject("SELECT sum(id) FROM range(0, ?)", Long.class, n))
        .isEqualTo((long) n * (n - 1) / 2);
    assertThat(
            jdbc.queryForObject(
                "SELECT CAST(? AS DECIMAL(10,2)) * 3", BigDecimal.class, new BigDecimal("1.25")))
        .isEqualByComparingTo(new BigDecimal("1.25").multiply(BigDecimal.valueOf(3)));
    assertThat(jdbc.queryForObject("SELECT concat(?, '-', upper(?))", String.class, "a", "b"))
        .isEqualTo("a-B");
    assertThat(jdbc.queryForObject("SELECT date_add(DATE '2024-02-28', ?)", LocalDate.class, 1))
        .isEqualTo(LocalDate.of(2024, 2, 28).plusDays(1));
    assertThat(jdbc.queryForObject("SELECT ? > 5", Boolean.class, 7)).isTrue();
    assertThat(jdbc.queryForObject("SELECT CAST(? AS INT) + 1", Integer.class, 41)).isEqualTo(42);
    assertThat(jdbc.queryForObject("SELECT CAST(NULL AS STRING)", String.class)).isNull();
    // Spring's result-size checks over the driver's result sets.
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT id FROM range(0)", Long.class))
        .isInstanceOf(EmptyResultDataAccessException.class);
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT id FROM range(2)", Long.class))
        .isInstanceOf(IncorrectResultSizeDataAccessException.class);
  }

  @Test
  void rowMappersIntoBeansAndRecords() {
    RowMapper<ProductRecord> byHand =
        (rs, i) ->
            new ProductRecord(
                rs.getInt("id"),
                rs.getString("product_name"),
                rs.getBigDecimal("unit_price"),
                rs.getObject("sold_on", LocalDate.class));
    assertThat(jdbc.query(productsSql() + " ORDER BY id", byHand)).isEqualTo(PRODUCTS);

    assertThat(
            jdbc.query(
                productsSql() + " ORDER BY id", new DataClassRowMapper<>(ProductRecord.class)))
        .isEqualTo(PRODUCTS);

    List<Product> beans =
        jdbc.query(productsSql() + " ORDER BY id", new BeanPropertyRowMapper<>(Product.class));
    assertThat(beans).hasSize(PRODUCTS.size());
    for (int i = 0; i < beans.size(); i++) {
      Product bean = beans.get(i);
      assertThat(
              new ProductRecord(
                  bean.getId(), bean.getProductName(), bean.getUnitPrice(), bean.getSoldOn()))
          .isEqualTo(PRODUCTS.get(i));
    }

    Product one =
        jdbc.queryForObject(
            productsSql() + " WHERE id = ?", new BeanPropertyRowMapper<>(Product.class), 2);
    assertThat(one.getProductName()).isEqualTo(PRODUCTS.get(1).productName());
    assertThat(one.getUnitPrice()).isEqualTo(PRODUCTS.get(1).unitPrice());
  }

  @Test
  void namedParametersWithListExpansion() {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    List<Long> ids = List.of(3L, 7L, 11L, 15L, 40L);
    long min = 5;
    List<Long> expected = new ArrayList<>();
    for (long id = 0; id < 20; id++) {
      if (ids.contains(id) && id >= min) {
        expected.add(id);
      }
    }
    assertThat(
            named.queryForList(
                "SELECT id FROM range(0, 20) WHERE id IN (:ids) AND id >= :min" + " ORDER BY id",
                new MapSqlParameterSource().addValue("ids", ids).addValue("min", min),
                Long.class))
        .isEqualTo(expected);

    // The same name twice, and values from a bean's properties.
    assertThat(
            named.queryForObject(
                "SELECT :a * 10 + :a + :b", Map.of("a", 4, "b", 100), Integer.class))
        .isEqualTo(4 * 10 + 4 + 100);
    Product bean = new Product();
    bean.setProductName("pear");
    bean.setUnitPrice(new BigDecimal("0.99"));
    List<ProductRecord> found =
        named.query(
            productsSql() + " WHERE product_name = :productName AND unit_price = :unitPrice",
            new BeanPropertySqlParameterSource(bean),
            new DataClassRowMapper<>(ProductRecord.class));
    assertThat(found).containsExactly(PRODUCTS.get(1));
  }

  /**
   * SimpleJdbcInsert finds the table's columns through DatabaseMetaData (getTables with no catalog
   * and schema, then getColumns of the one table found) and writes its INSERT from them.
   */
  @Test
  void simpleJdbcInsertIntoATableOfTheCurrentSchema() {
    String table = uniqueTable("spring_insert");
    try {
      insertAndReadBack(null, table);
    } finally {
      jdbc.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  /** The same with the schema named: getTables and getColumns narrowed to that schema. */
  @Test
  void simpleJdbcInsertIntoATableOfANamedSchema() {
    String schema = uniqueTable("spring_schema");
    jdbc.execute("CREATE DATABASE " + schema);
    try {
      insertAndReadBack(schema, uniqueTable("spring_insert"));
    } finally {
      jdbc.execute("DROP DATABASE IF EXISTS " + schema + " CASCADE");
    }
  }

  private void insertAndReadBack(String schema, String table) {
    String qualified = schema == null ? table : schema + "." + table;
    jdbc.execute(
        "CREATE TABLE "
            + qualified
            + " (id INT, name STRING, amount DECIMAL(10,2), created_on DATE) USING parquet");
    SimpleJdbcInsert insert = new SimpleJdbcInsert(dataSource).withTableName(table);
    if (schema != null) {
      insert.withSchemaName(schema);
    }
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", 1);
    first.put("name", "first");
    first.put("amount", new BigDecimal("9.99"));
    first.put("created_on", LocalDate.of(2024, 3, 1));
    assertThat(insert.execute(first)).as("one row inserted").isEqualTo(1);
    // Columns and their JDBC types as DatabaseMetaData.getColumns describes them.
    assertThat(insert.getInsertString())
        .isEqualTo(
            "INSERT INTO " + qualified + " (id, name, amount, created_on) VALUES(?, ?, ?, ?)");
    assertThat(insert.getInsertTypes())
        .containsExactly(Types.INTEGER, Types.VARCHAR, Types.DECIMAL, Types.DATE);

    SqlParameterSource[] batch = {
      new MapSqlParameterSource()
          .addValue("id", 2)
          .addValue("name", "second")
          .addValue("amount", new BigDecimal("-0.50"))
          .addValue("created_on", null),
      new MapSqlParameterSource()
          .addValue("id", 3)
          .addValue("name", null)
          .addValue("amount", null)
          .addValue("created_on", LocalDate.of(1999, 12, 31))
    };
    assertThat(insert.executeBatch(batch)).as("one row per entry").containsExactly(1, 1);

    // Only some columns: the others stay NULL.
    SimpleJdbcInsert partial =
        new SimpleJdbcInsert(dataSource).withTableName(table).usingColumns("id", "name");
    if (schema != null) {
      partial.withSchemaName(schema);
    }
    partial.execute(Map.of("id", 4, "name", "partial"));

    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT id, name, amount, created_on FROM " + qualified + " ORDER BY id");
    assertThat(rows).hasSize(4);
    assertRow(rows.get(0), 1, "first", new BigDecimal("9.99"), LocalDate.of(2024, 3, 1));
    assertRow(rows.get(1), 2, "second", new BigDecimal("-0.50"), null);
    assertRow(rows.get(2), 3, null, null, LocalDate.of(1999, 12, 31));
    assertRow(rows.get(3), 4, "partial", null, null);
  }

  @Test
  void batchUpdateInsertsEveryRow() {
    String table = uniqueTable("spring_batch");
    jdbc.execute(
        "CREATE TABLE "
            + table
            + " (id INT, label STRING, amount DECIMAL(12,2))"
            + " USING parquet");
    try {
      int rows = 250;
      List<Object[]> args = new ArrayList<>();
      long idSum = 0;
      BigDecimal amountSum = BigDecimal.ZERO;
      for (int i = 0; i < rows; i++) {
        BigDecimal amount = BigDecimal.valueOf(i * 7L, 2); // i * 0.07
        args.add(new Object[] {i, "row-" + i, amount});
        idSum += i;
        amountSum = amountSum.add(amount);
      }
      int[] counts = jdbc.batchUpdate("INSERT INTO " + table + " VALUES (?, ?, ?)", args);
      assertThat(counts).hasSize(rows);
      assertThat(counts).as("one row per entry").containsOnly(1);

      // The chunked form: 2 rows per executeBatch.
      List<Integer> more = List.of(1000, 1001, 1002);
      int[][] chunks =
          jdbc.batchUpdate(
              "INSERT INTO " + table + " (id, label) VALUES (?, ?)",
              more,
              2,
              (ps, id) -> {
                ps.setInt(1, id);
                ps.setString(2, "more-" + id);
              });
      assertThat(chunks).hasNumberOfRows(2);
      assertThat(chunks[0]).containsExactly(1, 1);
      assertThat(chunks[1]).containsExactly(1);

      Map<String, Object> totals =
          jdbc.queryForMap(
              "SELECT count(*) AS n, sum(id) AS ids,"
                  + " sum(amount) AS amounts, count(amount) AS with_amount,"
                  + " count_if(label = concat('row-', id)) AS labelled FROM "
                  + table);
      assertThat(totals.get("n")).isEqualTo((long) rows + more.size());
      assertThat(totals.get("ids")).isEqualTo(idSum + more.stream().mapToLong(i -> i).sum());
      assertThat((BigDecimal) totals.get("amounts")).isEqualByComparingTo(amountSum);
      assertThat(totals.get("with_amount")).isEqualTo((long) rows);
      assertThat(totals.get("labelled")).isEqualTo((long) rows);
    } finally {
      jdbc.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  /**
   * Spark's errors reach Spring as the right DataAccessException: through the default translator
   * (by SQLException subclass) and through the SQLSTATE-based one, which only reads the driver's
   * SQLSTATE classes (42 = grammar, 22 = data).
   */
  @Test
  void sparkErrorsBecomeSpringDataAccessExceptions() {
    String missing = uniqueTable("no_such_table");
    JdbcTemplate bySqlState = new JdbcTemplate(dataSource);
    bySqlState.setExceptionTranslator(new SQLStateSQLExceptionTranslator());
    for (JdbcTemplate template : List.of(jdbc, bySqlState)) {
      assertThatThrownBy(() -> template.queryForList("SELECT * FROM " + missing))
          .isInstanceOfSatisfying(
              BadSqlGrammarException.class,
              e -> {
                assertThat(e.getSQLException().getSQLState()).isEqualTo("42P01");
                assertThat(e.getSql()).contains(missing);
                assertThat(e.getMessage()).contains(missing);
              });
      assertThatThrownBy(() -> template.update("INSERT INTO " + missing + " VALUES (?)", 1))
          .isInstanceOf(BadSqlGrammarException.class);
      assertThatThrownBy(() -> template.queryForList("SELEKT 1"))
          .isInstanceOfSatisfying(
              BadSqlGrammarException.class,
              e -> assertThat(e.getSQLException().getSQLState()).isEqualTo("42601"));
      assertThatThrownBy(() -> template.queryForObject("SELECT 1 / (? - ?)", Integer.class, 3, 3))
          .isInstanceOfSatisfying(
              DataIntegrityViolationException.class,
              e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("22012"));
    }
  }

  private static void assertRow(
      Map<String, Object> row, int id, String name, BigDecimal amount, LocalDate createdOn) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", id);
    expected.put("name", name);
    expected.put("amount", amount);
    // getObject gives a DATE as java.sql.Date (JDBC's mapping)
    expected.put("created_on", createdOn == null ? null : Date.valueOf(createdOn));
    assertThat(row).isEqualTo(expected);
  }

  private static String uniqueTable(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }
}

package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * jOOQ's plain-SQL API ({@code DSL.using(connection, SQLDialect.DEFAULT)}): bind values, single
 * rows, mapping into records and POJOs, DDL and DML, lazy cursors over a long result, and typed
 * {@link Record} getters. JooqMetaTest covers jOOQ's reading of DatabaseMetaData.
 */
@ExtendWith(SparkConnectServerExtension.class)
class JooqPlainSqlTest {
  private Connection connection;
  private DSLContext ctx;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    ctx = DSL.using(connection, SQLDialect.DEFAULT);
    // TIMESTAMP (with local time zone) values are rendered in the session zone: make it the
    // JVM's, so that wall-clock times written and read by this JVM agree.
    ctx.execute("SET spark.sql.session.timeZone=" + ZoneId.systemDefault().getId());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void fetchWithBindValues() {
    Result<Record> result =
        ctx.fetch(
            "SELECT id, id * 3 AS triple, concat(?, CAST(id AS STRING)) AS label FROM range(0, 50)"
                + " WHERE id % ? = ? ORDER BY id",
            "n", 7, 3);
    List<Long> expectedIds = new ArrayList<>();
    for (long id = 0; id < 50; id++) {
      if (id % 7 == 3) {
        expectedIds.add(id);
      }
    }
    assertThat(result).hasSize(expectedIds.size());
    assertThat(result.getValues("id", Long.class)).isEqualTo(expectedIds);
    for (Record r : result) {
      long id = r.get("id", Long.class);
      assertThat(r.get("triple", Long.class)).isEqualTo(id * 3);
      assertThat(r.get(2, String.class)).isEqualTo("n" + id);
    }
    assertThat(result.fields())
        .extracting(f -> f.getName())
        .containsExactly("id", "triple", "label");
  }

  @Test
  void fetchOneAndFetchValue() {
    Record r =
        ctx.fetchOne(
            "SELECT max(id) AS hi, count(*) AS n, sum(id) AS total FROM range(?, ?)", 10, 20);
    assertThat(r).isNotNull();
    assertThat(r.get("hi", Long.class)).isEqualTo(19L);
    assertThat(r.get("n", Integer.class)).isEqualTo(10);
    long total = 0;
    for (long id = 10; id < 20; id++) {
      total += id;
    }
    assertThat(r.get("total", Long.class)).isEqualTo(total);

    assertThat(ctx.fetchOne("SELECT id FROM range(5) WHERE id > ?", 100)).isNull();
    assertThat(ctx.fetchValue("SELECT upper(?)", "jooq")).isEqualTo("JOOQ");
    assertThat(ctx.resultQuery("SELECT id FROM range(5) WHERE id > ?", 100).fetchOptional())
        .isEmpty();
    assertThat(
            ctx.resultQuery("SELECT count(*) FROM range(0, 1000) WHERE id % ? = 0", 9)
                .fetchSingle()
                .get(0, Integer.class))
        .isEqualTo((1000 + 8) / 9);
  }

  /** A Java record: jOOQ maps columns to its components by name. */
  public record Item(Long id, String itemName, BigDecimal price, LocalDate soldOn) {}

  /** A mutable POJO: jOOQ maps snake_case columns to camelCase fields. */
  public static class ItemPojo {
    public Long id;
    public String itemName;
    public BigDecimal price;
    public LocalDate soldOn;
  }

  private static final List<Item> ITEMS =
      List.of(
          new Item(1L, "apple", new BigDecimal("1.50"), LocalDate.of(2024, 1, 2)),
          new Item(2L, "pear", new BigDecimal("0.99"), LocalDate.of(2024, 2, 29)),
          new Item(3L, "plum", null, null));

  private static final String ITEMS_SQL =
      "SELECT CAST(id AS BIGINT) AS id, item_name,"
          + " CAST(price AS DECIMAL(10,2)) AS price, sold_on FROM VALUES"
          + " (1, 'apple', 1.50, DATE '2024-01-02'), (2, 'pear', 0.99, DATE '2024-02-29'),"
          + " (3, 'plum', NULL, NULL) AS t(id, item_name, price, sold_on)";

  @Test
  void fetchIntoRecordsAndPojos() {
    assertThat(ctx.resultQuery(ITEMS_SQL + " ORDER BY id").fetchInto(Item.class)).isEqualTo(ITEMS);

    List<ItemPojo> pojos =
        ctx.fetch(ITEMS_SQL + " WHERE id >= ? ORDER BY id", 2).into(ItemPojo.class);
    assertThat(pojos).hasSize(2);
    for (int i = 0; i < pojos.size(); i++) {
      ItemPojo p = pojos.get(i);
      assertThat(new Item(p.id, p.itemName, p.price, p.soldOn)).isEqualTo(ITEMS.get(i + 1));
    }

    assertThat(ctx.fetch(ITEMS_SQL + " ORDER BY id DESC").getValues("item_name", String.class))
        .containsExactly("plum", "pear", "apple");
  }

  @Test
  void executeDdlAndDmlThenReadTypedValues() {
    String table = "jooq_" + UUID.randomUUID().toString().replace("-", "");
    ctx.execute(
        "CREATE TABLE "
            + table
            + " (id INT, name STRING, amount DECIMAL(12,4),"
            + " at_local TIMESTAMP_NTZ, at_instant TIMESTAMP) USING parquet");
    try {
      LocalDateTime wallClock = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
      BigDecimal amount = new BigDecimal("12345.6789");
      ctx.execute(
          "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?)",
          1,
          "α-β 'quoted'",
          amount,
          wallClock,
          Timestamp.valueOf(wallClock));
      ctx.execute(
          "INSERT INTO "
              + table
              + " SELECT CAST(id AS INT), concat('n', id),"
              + " CAST(id AS DECIMAL(12,4)) / 4, NULL, NULL FROM range(2, 101)");

      Record first = ctx.fetchOne("SELECT * FROM " + table + " WHERE id = ?", 1);
      assertThat(first).isNotNull();
      assertThat(first.get("id", Integer.class)).isEqualTo(1);
      assertThat(first.get("name", String.class)).isEqualTo("α-β 'quoted'");
      assertThat(first.get("amount", BigDecimal.class)).isEqualTo(amount);
      assertThat(first.get("at_local", LocalDateTime.class)).isEqualTo(wallClock);
      assertThat(first.get("at_local", Timestamp.class)).isEqualTo(Timestamp.valueOf(wallClock));
      assertThat(first.get("at_instant", Timestamp.class)).isEqualTo(Timestamp.valueOf(wallClock));
      assertThat(first.get("at_instant", LocalDateTime.class)).isEqualTo(wallClock);

      Record totals =
          ctx.fetchOne(
              "SELECT count(*) AS n, sum(id) AS ids, sum(amount) AS amounts,"
                  + " count(at_local) AS timed FROM "
                  + table);
      long ids = 1;
      BigDecimal amounts = amount;
      for (int id = 2; id < 101; id++) {
        ids += id;
        amounts = amounts.add(new BigDecimal(id).divide(new BigDecimal(4)));
      }
      assertThat(totals.get("n", Long.class)).isEqualTo(100L);
      assertThat(totals.get("ids", Long.class)).isEqualTo(ids);
      assertThat(totals.get("amounts", BigDecimal.class)).isEqualByComparingTo(amounts);
      assertThat(totals.get("timed", Integer.class)).isEqualTo(1);
    } finally {
      ctx.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  @Test
  void typedRecordGetters() {
    Record r =
        ctx.fetchOne(
            "SELECT CAST('-98765.4321' AS DECIMAL(20,4)) AS amount,"
                + " TIMESTAMP_NTZ '1999-12-31 23:59:59.999999' AS ntz,"
                + " TIMESTAMP '2024-07-01 00:00:00.5' AS ltz, 'x' || ? AS s, CAST(? AS INT) AS i,"
                + " DATE '2024-02-29' AS d, CAST(NULL AS DECIMAL(5,1)) AS nothing",
            "yz",
            "41");
    assertThat(r.get("amount", BigDecimal.class)).isEqualTo(new BigDecimal("-98765.4321"));
    assertThat(r.get("amount", String.class)).isEqualTo("-98765.4321");
    LocalDateTime ntz = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000);
    assertThat(r.get("ntz", LocalDateTime.class)).isEqualTo(ntz);
    assertThat(r.get("ntz", Timestamp.class)).isEqualTo(Timestamp.valueOf(ntz));
    LocalDateTime ltz = LocalDateTime.of(2024, 7, 1, 0, 0, 0, 500_000_000);
    assertThat(r.get("ltz", Timestamp.class)).isEqualTo(Timestamp.valueOf(ltz));
    assertThat(r.get("ltz", LocalDateTime.class)).isEqualTo(ltz);
    assertThat(r.get("s", String.class)).isEqualTo("xyz");
    assertThat(r.get("i", Integer.class)).isEqualTo(41);
    assertThat(r.get("i", Long.class)).isEqualTo(41L);
    assertThat(r.get("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(r.get("nothing", BigDecimal.class)).isNull();
  }

  /**
   * A lazy cursor streams 100,000 rows one at a time (the driver holds one Arrow batch at a time);
   * the sums of the streamed values match the arithmetic of the range.
   */
  @Test
  void fetchLazyStreamsALongResult() {
    long n = 100_000;
    long count = 0;
    long idSum = 0;
    long squareMod = 0;
    try (Cursor<Record> cursor =
        ctx.resultQuery("SELECT id, (id * id) % 1000 AS sq FROM range(0, ?)", n)
            .fetchSize(5_000)
            .fetchLazy()) {
      for (Record r : cursor) {
        long id = r.get(0, Long.class);
        assertThat(r.get(1, Long.class)).isEqualTo((id * id) % 1000);
        idSum += id;
        squareMod += r.get(1, Long.class);
        count++;
      }
    }
    long expectedSquareMod = 0;
    for (long id = 0; id < n; id++) {
      expectedSquareMod += (id * id) % 1000;
    }
    assertThat(count).isEqualTo(n);
    assertThat(idSum).isEqualTo(n * (n - 1) / 2);
    assertThat(squareMod).isEqualTo(expectedSquareMod);

    // A cursor closed early releases its result: the leak check after the test sees no open
    // operation on the server.
    try (Cursor<Record> cursor = ctx.resultQuery("SELECT id FROM range(0, ?)", n).fetchLazy()) {
      Result<Record> firstTen = cursor.fetchNext(10);
      assertThat(firstTen.getValues(0, Long.class))
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(cursor.hasNext()).isTrue();
    }
  }
}

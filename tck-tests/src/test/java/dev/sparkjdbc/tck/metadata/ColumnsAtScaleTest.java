package dev.sparkjdbc.tck.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * getColumns over a schema of 500 tables of 20 columns: all 10,000 rows, in the specification's
 * order, with the right names and positions, and how long it takes (cold, then warm).
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnsAtScaleTest {
  private static final int TABLES = 500;
  private static final int COLUMNS = 20;
  private static final int CREATORS = 2;

  private final String schema = TestSchemas.unique("meta_scale");
  private String url;

  @BeforeAll
  void createTables(SparkConnectServer server) throws Exception {
    url = server.url();
    try (Connection c = DriverManager.getConnection(url)) {
      TestSchemas.execute(c, "CREATE SCHEMA " + schema);
    }
    StringJoiner columns = new StringJoiner(", ", "(", ")");
    for (int k = 1; k <= COLUMNS; k++) {
      columns.add("c" + k + " INT");
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < CREATORS; w++) {
        int worker = w;
        done.add(
            pool.submit(
                () -> {
                  try (Connection c = DriverManager.getConnection(url);
                      Statement s = c.createStatement()) {
                    for (int t = worker; t < TABLES; t += CREATORS) {
                      s.execute(
                          "CREATE TABLE "
                              + schema
                              + "."
                              + table(t)
                              + " "
                              + columns
                              + " USING parquet");
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "ColumnsAtScaleTest: created %d tables x %d columns in %.1f s%n",
        TABLES, COLUMNS, (System.nanoTime() - start) / 1e9);
  }

  @AfterAll
  void dropSchema() {
    TestSchemas.dropQuietly(url, schema);
  }

  private static String table(int t) {
    return String.format("t_%03d", t);
  }

  @Test
  void getColumnsReturnsEveryColumnOfEveryTable() throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData md = c.getMetaData();
      long[] millis = new long[2];
      for (int run = 0; run < millis.length; run++) {
        long start = System.nanoTime();
        int rows = 0;
        try (ResultSet rs = md.getColumns(null, schema, "%", "%")) {
          while (rs.next()) {
            int t = rows / COLUMNS;
            int k = rows % COLUMNS + 1;
            assertThat(rs.getString("TABLE_CAT")).isEqualTo(TestSchemas.SESSION_CATALOG);
            assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
            // Ordered by TABLE_CAT, TABLE_SCHEM, TABLE_NAME and ORDINAL_POSITION.
            assertThat(rs.getString("TABLE_NAME")).as("row %d", rows).isEqualTo(table(t));
            assertThat(rs.getString("COLUMN_NAME")).as("row %d", rows).isEqualTo("c" + k);
            assertThat(rs.getInt("ORDINAL_POSITION")).as("row %d", rows).isEqualTo(k);
            assertThat(rs.getString("TYPE_NAME")).isEqualTo("INT");
            rows++;
          }
        }
        millis[run] = (System.nanoTime() - start) / 1_000_000;
        assertThat(rows).isEqualTo(TABLES * COLUMNS);
      }
      System.out.printf(
          "ColumnsAtScaleTest: getColumns(null, %s, %%, %%) of %d x %d:"
              + " first %d ms, second %d ms%n",
          schema, TABLES, COLUMNS, millis[0], millis[1]);
    }
  }
}

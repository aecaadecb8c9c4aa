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
import java.sql.Types;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * getColumns for one named table (what a tool asks when it opens a table) reports what the table
 * declares: CHAR/VARCHAR lengths, column comments and defaults; getTables the comment.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class ColumnDetailsTest {

  @Test
  void aNamedTableReportsDeclaredTypesCommentsAndDefaults(SparkConnectServer server)
      throws SQLException {
    String schema = TestSchemas.unique("meta_cols");
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      try {
        s.execute(
            "CREATE TABLE "
                + schema
                + ".details (i INT COMMENT 'the key', s STRING DEFAULT 'x', c CHAR(5), v"
                + " VARCHAR(20)) USING parquet COMMENT 'a table'");
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(null, schema, "details", null)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("COLUMN_NAME")).isEqualTo("i");
          assertThat(rs.getString("REMARKS")).isEqualTo("the key");
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("COLUMN_NAME")).isEqualTo("s");
          assertThat(rs.getString("COLUMN_DEF")).isEqualTo("'x'");
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.CHAR);
          assertThat(rs.getString("TYPE_NAME")).isEqualTo("CHAR");
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(5);
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
          assertThat(rs.getString("TYPE_NAME")).isEqualTo("VARCHAR");
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(20);
          assertThat(rs.next()).isFalse();
        }
        try (ResultSet rs = md.getTables(null, schema, "details", null)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("REMARKS")).isEqualTo("a table");
        }
      } finally {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}

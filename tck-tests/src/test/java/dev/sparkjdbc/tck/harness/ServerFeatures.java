package dev.sparkjdbc.tck.harness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the server under test can do, asked through JDBC as an application would, so that tests of a
 * feature only some Spark versions have are skipped, not failed, against the others (the smoke
 * subset runs against Spark 4.0 too: docs/compatibility.md). Never a version-string comparison.
 */
public final class ServerFeatures {
  private ServerFeatures() {}

  /**
   * True when the server has Spark's TIME type (newer than Spark 4.0; in Spark 4.2 behind {@code
   * spark.sql.timeType.enabled}, which the caller sets first). Older servers refuse a TIME literal
   * with UNSUPPORTED_DATATYPE, SQLSTATE 0A000.
   */
  public static boolean timeType(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT TIME '00:00:00'")) {
      return rs.next();
    } catch (SQLException e) {
      if ("0A000".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}

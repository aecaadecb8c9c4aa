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
   * True when the server has Spark's TIME type. Spark 4.0 has none and refuses a TIME literal with
   * SQLSTATE 0A000: false there. Spark 4.1+ keeps it behind {@code spark.sql.timeType.enabled},
   * which bin/server turns on: a server of such a Spark without it is a failure, not a skip.
   */
  public static boolean timeType(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT TIME '00:00:00'")) {
      return rs.next();
    } catch (SQLException e) {
      if (!"0A000".equals(e.getSQLState())) {
        throw e;
      }
      String spark = BuildPaths.property("sparkjdbc.server.sparkVersion");
      if (!spark.startsWith("4.0")) {
        throw new AssertionError(
            "The server runs Spark "
                + spark
                + ", which has a TIME type, but refused one: bin/server must turn on"
                + " spark.sql.timeType.enabled",
            e);
      }
      return false;
    }
  }
}

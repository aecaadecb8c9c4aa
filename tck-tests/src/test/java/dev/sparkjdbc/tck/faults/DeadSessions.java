package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;

/** What a connection whose server session has ended must look like, shared by the tests of it. */
final class DeadSessions {
  private DeadSessions() {}

  /** The failure of a query on {@code c}, which must fail. */
  static SQLException queryFailure(Connection c) {
    return catchThrowableOfType(
        SQLException.class,
        () -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
            rs.next();
            throw new AssertionError("the query answered " + rs.getInt(1));
          }
        });
  }

  /**
   * {@code e} says the server ended the session ({@code errorClass}), with 08003; the connection
   * reports itself closed and fails every later call the same way.
   */
  static void assertEndedSession(Connection c, SQLException e, String errorClass)
      throws SQLException {
    assertThat((Throwable) e).as("the query on the dead session").isNotNull();
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
    assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isEqualTo("08003");
    assertThat(e.getMessage())
        .startsWith("connection closed because the server ended its session: ")
        .contains(errorClass);
    assertThat(c.isClosed()).isTrue();
    assertThat(c.isValid(5)).isFalse();
    SQLException later = catchThrowableOfType(SQLException.class, c::createStatement);
    assertThat((Throwable) later).as("createStatement on the dead connection").isNotNull();
    assertThat(later.getSQLState()).isEqualTo("08003");
    assertThat(later.getMessage()).isEqualTo(e.getMessage());
    c.close(); // still frees what the connection holds, without failing
  }

  /** A HikariCP pool of one connection, configured as applications usually do. */
  static HikariConfig onePool(String url, String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setDriverClassName("dev.sparkjdbc.jdbc.SparkConnectDriver");
    config.setMinimumIdle(1);
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(20_000);
    config.setValidationTimeout(5_000);
    return config;
  }
}

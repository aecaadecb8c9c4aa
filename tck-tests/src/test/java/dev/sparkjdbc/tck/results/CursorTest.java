package dev.sparkjdbc.tck.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forward-only cursor: max rows, position queries (isLast across Arrow batch boundaries: Spark
 * sends at most 10,000 rows per batch by default), and the refusals of a read-only, forward-only
 * result set.
 */
@ExtendWith(SparkConnectServerExtension.class)
class CursorTest {
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void connect(SparkConnectServer server) throws SQLException {
    connection = DriverManager.getConnection(server.url());
    statement = connection.createStatement();
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  private static List<Long> ids(ResultSet rs) throws SQLException {
    List<Long> ids = new ArrayList<>();
    while (rs.next()) {
      ids.add(rs.getLong(1));
    }
    return ids;
  }

  @Test
  void setMaxRowsReturnsExactlyThatMany() throws SQLException {
    statement.setMaxRows(5);
    assertThat(statement.getMaxRows()).isEqualTo(5);
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 100) ORDER BY id")) {
      assertThat(ids(rs)).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void setLargeMaxRowsReturnsExactlyThatMany() throws SQLException {
    statement.setLargeMaxRows(7L);
    assertThat(statement.getLargeMaxRows()).isEqualTo(7L);
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 100) ORDER BY id")) {
      List<Long> ids = ids(rs);
      assertThat(ids).hasSize(7).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }
  }

  @Test
  void maxRowsAcrossBatchesAndLastRowMarkers() throws SQLException {
    statement.setMaxRows(15_000);
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 30000, 1, 1)")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.isLast())
            .as("isLast on row %d of a 15,000-row cap", rows)
            .isEqualTo(rows == 15_000);
      }
      assertThat(rows).isEqualTo(15_000);
      assertThat(rs.isAfterLast()).isTrue();
    }
  }

  @Test
  void maxRowsZeroMeansNoLimit() throws SQLException {
    statement.setMaxRows(5);
    statement.setMaxRows(0);
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 100)")) {
      assertThat(ids(rs)).hasSize(100);
    }
  }

  @Test
  void negativeMaxRowsIsRefused() {
    assertThatThrownBy(() -> statement.setMaxRows(-1)).isInstanceOf(SQLException.class);
  }

  @Test
  void positionsOfASmallResult() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 3)")) {
      assertThat(rs.isBeforeFirst()).isTrue();
      assertThat(rs.isFirst()).isFalse();
      assertThat(rs.isLast()).isFalse();
      assertThat(rs.isAfterLast()).isFalse();
      assertThat(rs.getRow()).isZero();

      assertThat(rs.next()).isTrue();
      assertThat(rs.getRow()).isEqualTo(1);
      assertThat(rs.isBeforeFirst()).isFalse();
      assertThat(rs.isFirst()).isTrue();
      assertThat(rs.isLast()).isFalse();

      assertThat(rs.next()).isTrue();
      assertThat(rs.getRow()).isEqualTo(2);
      assertThat(rs.isFirst()).isFalse();
      assertThat(rs.isLast()).isFalse();

      assertThat(rs.next()).isTrue();
      assertThat(rs.getRow()).isEqualTo(3);
      assertThat(rs.isLast()).isTrue();
      assertThat(rs.isLast()).as("asking twice does not move the cursor").isTrue();
      assertThat(rs.getLong(1)).as("isLast did not move the cursor").isEqualTo(2L);
      assertThat(rs.isAfterLast()).isFalse();

      assertThat(rs.next()).isFalse();
      assertThat(rs.isAfterLast()).isTrue();
      assertThat(rs.isLast()).isFalse();
      assertThat(rs.isBeforeFirst()).isFalse();
      assertThat(rs.getRow()).isZero();
      assertThat(rs.next()).isFalse();
    }
  }

  /** ResultSet.isBeforeFirst: "false if ... the result set contains no rows". */
  @Test
  void anEmptyResultIsNotBeforeFirst() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 0)")) {
      assertThat(rs.isBeforeFirst()).isFalse();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void anEmptyResultIsNeitherFirstNorLastNorAfterLast() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT id FROM range(0, 0)")) {
      assertThat(rs.next()).isFalse();
      assertThat(rs.isAfterLast()).isFalse();
      assertThat(rs.isLast()).isFalse();
      assertThat(rs.isFirst()).isFalse();
      assertThat(rs.getRow()).isZero();
    }
  }

  /**
   * Exactly 20,000 rows in several batch layouts: two partitions of 10,000 (one batch each), one
   * partition (two batches), four partitions of 5,000, and three partitions the last of which a
   * filter empties (the final row ends a batch, then nothing but an empty partition follows).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "SELECT id FROM range(0, 20000)",
        "SELECT id FROM range(0, 20000, 1, 1)",
        "SELECT id FROM range(0, 20000, 1, 4)",
        "SELECT id FROM range(0, 30000, 1, 3) WHERE id < 20000",
        "SELECT id FROM range(0, 20000, 1, 3)"
      })
  void isLastIsTrueExactlyOnTheLastRow(String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.isBeforeFirst()).isTrue();
      int rows = 0;
      long sum = 0;
      List<Integer> lastAt = new ArrayList<>();
      while (rs.next()) {
        rows++;
        assertThat(rs.getRow()).isEqualTo(rows);
        assertThat(rs.isFirst()).isEqualTo(rows == 1);
        if (rs.isLast()) {
          lastAt.add(rows);
        }
        sum += rs.getLong(1);
        assertThat(rs.isAfterLast()).isFalse();
      }
      assertThat(rows).isEqualTo(20_000);
      assertThat(sum).isEqualTo(20_000L * 19_999 / 2);
      assertThat(lastAt).as("rows on which isLast() was true").containsExactly(20_000);
      assertThat(rs.isAfterLast()).isTrue();
      assertThat(rs.getRow()).isZero();
    }
  }

  @Test
  void aScrollablePreparedStatementIsDowngradedWithAWarningToo() throws SQLException {
    connection.clearWarnings();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT ? AS x", ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
      assertThat((Object) connection.getWarnings()).as("a warning on the connection").isNotNull();
      assertThat(connection.getWarnings().getMessage()).contains("TYPE_FORWARD_ONLY");
      assertThat(p.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
    }
    connection.clearWarnings();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT ? AS x",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY,
            ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
      assertThat((Object) connection.getWarnings()).as("nothing was downgraded").isNull();
      assertThat(p.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
    }
  }

  @Test
  void scrollableUpdatableRequestIsDowngradedWithAWarning() throws SQLException {
    connection.clearWarnings();
    Statement downgraded =
        connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
    SQLWarning warning = connection.getWarnings();
    assertThat((Object) warning).as("a warning on the connection").isNotNull();
    assertThat(downgraded.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
    assertThat(downgraded.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
    try (ResultSet rs =
        downgraded.executeQuery("SELECT id, CAST(id AS STRING) AS s " + "FROM range(0, 3)")) {
      assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();

      List<ThrowingCallable> moves =
          List.of(
              rs::previous,
              () -> rs.absolute(1),
              () -> rs.relative(1),
              rs::first,
              rs::last,
              rs::beforeFirst,
              rs::afterLast,
              () -> rs.absolute(-1));
      for (ThrowingCallable move : moves) {
        assertThatThrownBy(move).isInstanceOf(SQLException.class);
      }
      List<ThrowingCallable> updates =
          List.of(
              () -> rs.updateLong(1, 5L),
              () -> rs.updateString("s", "x"),
              () -> rs.updateNull(1),
              () -> rs.updateObject(1, 1),
              rs::updateRow,
              rs::insertRow,
              rs::deleteRow,
              rs::moveToInsertRow,
              rs::refreshRow,
              rs::cancelRowUpdates);
      for (ThrowingCallable update : updates) {
        assertThatThrownBy(update).isInstanceOf(SQLException.class);
      }
      // The refusals did not move or spoil the cursor.
      assertThat(rs.getRow()).isEqualTo(1);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1L);
      assertThat(rs.next()).isTrue();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void prepareStyleDowngradeWithHoldabilityAlsoWarns() throws SQLException {
    connection.clearWarnings();
    Statement s =
        connection.createStatement(
            ResultSet.TYPE_SCROLL_SENSITIVE,
            ResultSet.CONCUR_READ_ONLY,
            ResultSet.HOLD_CURSORS_OVER_COMMIT);
    assertThat((Object) connection.getWarnings()).isNotNull();
    try (ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void forwardOnlyRequestGivesNoWarning() throws SQLException {
    connection.clearWarnings();
    connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    assertThat((Object) connection.getWarnings()).isNull();
  }

  @Test
  void gettersBeforeFirstAndAfterLastRefuse() throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT 1 AS x")) {
      assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class);
      assertThat(rs.next()).isTrue();
      assertThatThrownBy(() -> rs.getInt(2)).isInstanceOf(SQLException.class);
      assertThat(rs.next()).isFalse();
      assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class);
    }
  }
}

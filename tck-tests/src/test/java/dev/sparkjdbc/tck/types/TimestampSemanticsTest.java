package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.TemporalProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TIMESTAMP is an instant shown in the Spark session's zone; TIMESTAMP_NTZ is a wall clock that
 * never shifts. The session here runs in America/Los_Angeles while this JVM (and the server) run in
 * another zone; expected values come from the literal (java.time applies the same gap/overlap rules
 * as Spark) and from the server's own CAST, unix_micros and to_utc_timestamp.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampSemanticsTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private String url;
  private Connection connection;
  private Statement statement;

  @BeforeAll
  void connect(SparkConnectServer server) throws SQLException {
    url = server.url();
    connection = DriverManager.getConnection(url);
    statement = connection.createStatement();
    statement.execute("SET spark.sql.session.timeZone=America/Los_Angeles");
  }

  @AfterAll
  void disconnect() throws SQLException {
    connection.close();
  }

  private static LocalDateTime wallClock(String text) {
    return LocalDateTime.parse(text.replace(' ', 'T'));
  }

  /** Ordinary instants, far from transitions, and edges of DST in LA. */
  static Stream<String> literals() {
    return Stream.of(
        "2024-01-15 10:20:30.123456",
        "2024-07-04 23:59:59.999999",
        "1969-12-31 16:00:00",
        "1969-12-31 15:59:59.999999",
        "1900-01-01 00:00:00",
        "2024-03-10 01:59:59.999999",
        "2024-03-10 03:00:00",
        "2024-11-03 00:59:59",
        "2024-11-03 02:00:00",
        "0001-01-01 00:00:00",
        "9999-12-31 23:59:59.999999");
  }

  @ParameterizedTest(name = "TIMESTAMP ''{0}''")
  @MethodSource("literals")
  void timestampIsTheInstantOfTheLiteralInTheSessionZone(String literal) throws SQLException {
    LocalDateTime wall = wallClock(literal);
    Instant expected = wall.atZone(LA).toInstant();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT ts, CAST(ts AS STRING), unix_micros(ts)"
                + " FROM (SELECT TIMESTAMP '"
                + literal
                + "' AS ts) t")) {
      assertThat(rs.next()).isTrue();
      // The oracle itself: the server placed the literal where java.time does.
      assertThat(micros(expected)).as("server's unix_micros").isEqualTo(rs.getLong(3));

      Timestamp ts = rs.getTimestamp(1);
      assertThat(ts.toInstant()).as("getTimestamp().toInstant()").isEqualTo(expected);
      assertThat(rs.getObject(1, Instant.class)).as("getObject(Instant)").isEqualTo(expected);
      assertThat(rs.getObject(1, LocalDateTime.class))
          .as("getObject(LocalDateTime)")
          .isEqualTo(wall);
      assertThat(rs.getObject(1, OffsetDateTime.class))
          .as("getObject(OffsetDateTime)")
          .isEqualTo(expected.atZone(LA).toOffsetDateTime());
      assertThat(rs.getString(1)).as("getString").isEqualTo(rs.getString(2));
    }
  }

  /** Wall clocks that do not exist (spring forward) or exist twice (fall back) in LA. */
  static Stream<String> transitions() {
    return Stream.of(
        "TIMESTAMP '2024-03-10 02:30:00'", // in the gap: Spark moves it to 03:30 PDT
        "TIMESTAMP '2024-03-10 02:00:00'",
        "TIMESTAMP '2024-11-03 01:30:00'", // ambiguous: Spark takes the earlier (PDT)
        "TIMESTAMP '2024-11-03 01:00:00.5'",
        "timestamp_seconds(1730622600)", // 08:30 UTC = 01:30 PDT, first pass
        "timestamp_seconds(1730626200)", // 09:30 UTC = 01:30 PST, second pass
        "timestamp_micros(1710063000123456)"); // 2024-03-10 09:30:00.123456 UTC = 02:30 PDT
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void acrossDstTransitionsTheValuesMatchTheServer(String expression) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT ts, CAST(ts AS STRING), unix_micros(ts), "
                + "CAST(to_utc_timestamp(ts, 'America/Los_Angeles') AS STRING) "
                + "FROM (SELECT "
                + expression
                + " AS ts) t")) {
      assertThat(rs.next()).isTrue();
      String cast = rs.getString(2);
      long micros = rs.getLong(3);
      Instant instant = Instant.EPOCH.plus(Duration.ofNanos(Math.multiplyExact(micros, 1000L)));
      LocalDateTime utcWall = wallClock(rs.getString(4));

      assertThat(rs.getString(1)).as("getString vs CAST").isEqualTo(cast);
      assertThat(rs.getTimestamp(1).toInstant())
          .as("getTimestamp vs unix_micros")
          .isEqualTo(instant);
      assertThat(rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime())
          .as("instant in UTC vs to_utc_timestamp")
          .isEqualTo(utcWall);
      assertThat(rs.getObject(1, Instant.class)).isEqualTo(instant);
      assertThat(rs.getObject(1, LocalDateTime.class))
          .as("getObject(LocalDateTime) vs CAST")
          .isEqualTo(wallClock(cast));
      OffsetDateTime odt = rs.getObject(1, OffsetDateTime.class);
      assertThat(odt.toInstant()).isEqualTo(instant);
      assertThat(odt.toLocalDateTime())
          .as("OffsetDateTime's wall clock vs CAST")
          .isEqualTo(wallClock(cast));
      assertThat(odt.getOffset()).isEqualTo(LA.getRules().getOffset(instant));
    }
  }

  @Test
  void gapAndOverlapFollowTheLiteralAsJavaTimeResolvesIt() throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT TIMESTAMP '2024-03-10 02:30:00' AS gap, TIMESTAMP '2024-11-03 01:30:00' AS"
                + " overlap, timestamp_seconds(1730622600) AS first, timestamp_seconds(1730626200)"
                + " AS second")) {
      assertThat(rs.next()).isTrue();
      // 02:30 does not exist on 2024-03-10 in LA: it becomes 03:30 PDT.
      assertThat(rs.getString(1)).isEqualTo("2024-03-10 03:30:00");
      assertThat(rs.getTimestamp(1).toInstant())
          .isEqualTo(LocalDateTime.of(2024, 3, 10, 2, 30).atZone(LA).toInstant());
      assertThat(rs.getObject(1, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 3, 10, 3, 30));
      // 01:30 exists twice on 2024-11-03: the literal takes the earlier offset (-07:00).
      assertThat(rs.getObject(2, OffsetDateTime.class))
          .isEqualTo(OffsetDateTime.of(2024, 11, 3, 1, 30, 0, 0, ZoneOffset.ofHours(-7)));
      assertThat(rs.getString(3)).isEqualTo("2024-11-03 01:30:00");
      assertThat(rs.getString(4)).isEqualTo("2024-11-03 01:30:00");
      assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(Instant.ofEpochSecond(1730622600));
      assertThat(rs.getTimestamp(4).toInstant()).isEqualTo(Instant.ofEpochSecond(1730626200));
      assertThat(rs.getObject(3, OffsetDateTime.class).getOffset())
          .isEqualTo(ZoneOffset.ofHours(-7));
      assertThat(rs.getObject(4, OffsetDateTime.class).getOffset())
          .isEqualTo(ZoneOffset.ofHours(-8));
      assertThat(rs.getObject(3, LocalDateTime.class))
          .isEqualTo(rs.getObject(4, LocalDateTime.class));
    }
  }

  @ParameterizedTest(name = "session zone {0}")
  @ValueSource(strings = {"America/Los_Angeles", "UTC", "Asia/Tokyo", "Australia/Lord_Howe"})
  void timestampNtzNeverShifts(String zone) throws SQLException {
    List<String> literals =
        List.of(
            "2024-03-10 02:30:00",
            "2024-11-03 01:30:00.250",
            "2024-01-15 10:20:30.123456",
            "0001-01-01 00:00:00",
            "9999-12-31 23:59:59.999999");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SET spark.sql.session.timeZone=" + zone);
      for (String literal : literals) {
        LocalDateTime wall = wallClock(literal);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT ts, CAST(ts AS STRING) FROM "
                    + "(SELECT TIMESTAMP_NTZ '"
                    + literal
                    + "' AS ts) t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1, LocalDateTime.class))
              .as("%s in %s", literal, zone)
              .isEqualTo(wall);
          assertThat(rs.getString(1)).as("getString vs CAST").isEqualTo(rs.getString(2));
          assertThat(wallClock(rs.getString(1))).isEqualTo(wall);
          if (wall.getYear() > 1900) { // Timestamp is Julian before 1582
            assertThat(rs.getTimestamp(1).toLocalDateTime())
                .as("getTimestamp in the JVM zone")
                .isEqualTo(wall);
          }
          assertThat(
                  rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone(TOKYO))).toInstant())
              .isEqualTo(wall.atZone(TOKYO).toInstant());
        }
      }
    }
  }

  /** Changing the session zone later in a connection changes how TIMESTAMP values read. */
  @Test
  void aLaterSessionZoneChangeIsFollowed() throws SQLException {
    String sql =
        "SELECT ts, CAST(ts AS STRING) FROM (SELECT " + "TIMESTAMP '2024-01-15 10:20:30' AS ts) t";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SET spark.sql.session.timeZone=UTC");
      for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Tokyo")) {
        s.execute("SET spark.sql.session.timeZone=" + zone);
        try (ResultSet rs = s.executeQuery(sql)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1))
              .as("TIMESTAMP getString in %s", zone)
              .isEqualTo(rs.getString(2));
          assertThat(rs.getObject(1, LocalDateTime.class))
              .isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 20, 30));
          assertThat(rs.getTimestamp(1).toInstant())
              .isEqualTo(
                  LocalDateTime.of(2024, 1, 15, 10, 20, 30).atZone(ZoneId.of(zone)).toInstant());
        }
      }
    }
  }

  /**
   * A VARIANT holding a timestamp renders it in the session zone, as Spark's CAST does; the zone in
   * force when it is read counts, not the one when the connection first read a variant.
   */
  @Test
  void variantTimestampsFollowALaterSessionZoneChange() throws SQLException {
    String sql =
        "SELECT v, CAST(v AS STRING) FROM (SELECT "
            + "CAST(TIMESTAMP '2024-01-15 10:20:30' AS VARIANT) AS v) t";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Tokyo")) {
        s.execute("SET spark.sql.session.timeZone=" + zone);
        try (ResultSet rs = s.executeQuery(sql)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1))
              .as("VARIANT timestamp getString in %s", zone)
              .isEqualTo(rs.getString(2));
        }
      }
    }
  }

  /** Spark accepts typed literals without an alias; the value must arrive, not a column name. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "TIMESTAMP_NTZ '2024-03-10 02:30:00'",
        "TIMESTAMP_LTZ '2024-03-10 03:30:00'",
        "TIMESTAMP '2024-03-10 03:30:00'"
      })
  void unaliasedTimestampLiteralsAreValues(String literal) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT " + literal)) {
      assertThat(rs.next()).isTrue();
      String text = literal.substring(literal.indexOf('\'') + 1, literal.length() - 1);
      assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(wallClock(text));
    }
  }

  /**
   * A client JVM in Asia/Tokyo reading a Los Angeles session of a UTC server: TIMESTAMP follows the
   * session zone (never the client's), TIMESTAMP_NTZ is the literal, java.sql values built from
   * wall clocks use the client's zone.
   */
  @Test
  void aClientInAnotherZoneSeesTheSameValues() throws Exception {
    String query =
        "SELECT TIMESTAMP '2024-11-03 01:30:00.123456' AS ts, "
            + "TIMESTAMP_NTZ '2024-03-10 02:30:00.5' AS ntz, DATE '2024-02-29' AS d, "
            + "CAST(TIMESTAMP '2024-11-03 01:30:00.123456' AS STRING) AS ts_cast";
    ChildJvm.Result result =
        ChildJvm.run(
            List.of("-Duser.timezone=Asia/Tokyo"),
            TemporalProbe.class,
            List.of(url, query, "SET spark.sql.session.timeZone=America/Los_Angeles", query),
            Duration.ofMinutes(2));
    assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
    assertThat(result.value("jvmZone")).isEqualTo("Asia/Tokyo");

    LocalDateTime tsWall = LocalDateTime.of(2024, 11, 3, 1, 30, 0, 123_456_000);
    LocalDateTime ntzWall = LocalDateTime.of(2024, 3, 10, 2, 30, 0, 500_000_000);
    ZoneId serverZone = serverSessionZoneOfAFreshConnection();
    for (int q = 1; q <= 2; q++) {
      ZoneId session = q == 1 ? serverZone : LA;
      Instant instant = tsWall.atZone(session).toInstant();
      String p = "q" + q + ".";
      assertThat(result.value(p + "c1.instant"))
          .as("TIMESTAMP instant, session %s", session)
          .isEqualTo(instant.toString());
      assertThat(result.value(p + "c1.objectInstant")).isEqualTo(instant.toString());
      assertThat(result.value(p + "c1.nanos")).isEqualTo("123456000");
      assertThat(result.value(p + "c1.localDateTime"))
          .as("TIMESTAMP LocalDateTime, session %s", session)
          .isEqualTo(tsWall.toString());
      assertThat(result.value(p + "c1.offsetDateTime"))
          .isEqualTo(instant.atZone(session).toOffsetDateTime().toString());
      assertThat(result.value(p + "c1.string")).isEqualTo(result.value(p + "c4.string"));
      // java.sql.Timestamp is an instant; its toLocalDateTime is the client's (Tokyo) wall clock.
      assertThat(result.value(p + "c1.timestampLocal"))
          .isEqualTo(LocalDateTime.ofInstant(instant, TOKYO).toString());

      assertThat(result.value(p + "c2.localDateTime"))
          .as("TIMESTAMP_NTZ, session %s", session)
          .isEqualTo(ntzWall.toString());
      assertThat(result.value(p + "c2.string")).isEqualTo("2024-03-10 02:30:00.5");
      assertThat(result.value(p + "c2.timestampLocal")).isEqualTo(ntzWall.toString());
      assertThat(result.value(p + "c2.instant"))
          .isEqualTo(ntzWall.atZone(TOKYO).toInstant().toString());

      assertThat(result.value(p + "c3.localDate")).isEqualTo("2024-02-29");
      assertThat(result.value(p + "c3.dateLocal")).isEqualTo("2024-02-29");
      assertThat(result.value(p + "c3.dateMillis"))
          .isEqualTo(
              Long.toString(
                  LocalDate.of(2024, 2, 29).atStartOfDay(TOKYO).toInstant().toEpochMilli()));
    }
  }

  private ZoneId serverSessionZoneOfAFreshConnection() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_timezone()")) {
      assertThat(rs.next()).isTrue();
      return ZoneId.of(rs.getString(1));
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}

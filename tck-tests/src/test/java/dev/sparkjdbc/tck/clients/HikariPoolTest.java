package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sparkjdbc.jdbc.DriverDiagnostics;
import dev.sparkjdbc.jdbc.SparkConnectDataSource;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * HikariCP, the pool of most Java applications, configured the usual way (a JDBC URL and the
 * driver's class name, no connection test query so that it validates with {@link
 * Connection#isValid}): start-up, validation of broken connections, heavy concurrent borrowing, the
 * reset of connection state on return, and recovery after a server restart.
 */
@ExtendWith(SparkConnectServerExtension.class)
class HikariPoolTest {
  private static final String DRIVER_CLASS = "dev.sparkjdbc.jdbc.SparkConnectDriver";

  /**
   * Hikari skips validation of a connection used less than this long ago ({@code
   * com.zaxxer.hikari.aliveBypassWindowMs}, 500 ms by default): tests that want the validation to
   * run wait a little longer.
   */
  private static final long ALIVE_BYPASS_MILLIS = 500;

  private static final Duration POOL_FILL_LIMIT = Duration.ofSeconds(30);

  /** In the churn test, one borrow in this many runs a query (the others check state only). */
  private static final int QUERY_EVERY = 50;

  private int loginTimeoutBefore;

  /**
   * A pool over a JDBC URL sets {@code DriverManager.setLoginTimeout} (connectionTimeout + 0.5 s)
   * for the whole JVM, and the driver honours it as its connect timeout: restored after each test
   * so that the pools here do not change the connect timeout of later test classes.
   */
  @BeforeEach
  void saveLoginTimeout() {
    loginTimeoutBefore = DriverManager.getLoginTimeout();
  }

  @AfterEach
  void restoreLoginTimeout() {
    DriverManager.setLoginTimeout(loginTimeoutBefore);
  }

  static HikariConfig config(String url, String name, int minimumIdle, int maximumPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setDriverClassName(DRIVER_CLASS);
    config.setMinimumIdle(minimumIdle);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setConnectionTimeout(20_000);
    config.setValidationTimeout(5_000);
    return config;
  }

  @Test
  void poolOpensMinimumIdleConnectionsAndRunsQueries(SparkConnectServer server) throws Exception {
    int before = DriverDiagnostics.openConnections();
    try (HikariDataSource pool = new HikariDataSource(config(server.url(), "start", 3, 5))) {
      HikariPoolMXBean mx = pool.getHikariPoolMXBean();
      await("3 connections in the pool", () -> mx.getTotalConnections() == 3, POOL_FILL_LIMIT);
      assertThat(mx.getIdleConnections()).isEqualTo(3);
      assertThat(mx.getActiveConnections()).isZero();
      // Really opened: three driver connections (three server sessions), not lazy proxies.
      assertThat(DriverDiagnostics.openConnections() - before).isEqualTo(3);

      // Three borrowed at once are the three physical connections already there.
      List<Connection> borrowed = new ArrayList<>();
      Set<Connection> physical = new HashSet<>();
      try {
        for (int i = 0; i < 3; i++) {
          Connection c = pool.getConnection();
          borrowed.add(c);
          physical.add(c.unwrap(Connection.class));
        }
        assertThat(physical).hasSize(3);
        assertThat(mx.getActiveConnections()).isEqualTo(3);
        assertThat(DriverDiagnostics.openConnections() - before).isEqualTo(3);
        for (int i = 0; i < borrowed.size(); i++) {
          long n = 1000L * (i + 1);
          try (Statement s = borrowed.get(i).createStatement();
              ResultSet rs = s.executeQuery("SELECT sum(id), count(*) FROM range(" + n + ")")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(n * (n - 1) / 2);
            assertThat(rs.getLong(2)).isEqualTo(n);
            assertThat(rs.next()).isFalse();
          }
        }
      } finally {
        for (Connection c : borrowed) {
          c.close();
        }
      }
      assertThat(mx.getActiveConnections()).isZero();
      assertThat(mx.getIdleConnections()).isEqualTo(3);
      assertThat(physical).noneMatch(HikariPoolTest::isClosed);
    }
    assertThat(DriverDiagnostics.openConnections()).isEqualTo(before);
  }

  /**
   * The docs' other recipe: Hikari builds the driver's own DataSource from {@code
   * hikari.properties} keys (bean properties, not a URL), and the token is added in code.
   */
  @Test
  void poolOverTheDriversDataSourceFromHikariProperties(SparkConnectServer server)
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty("poolName", "bean-properties");
    properties.setProperty("dataSourceClassName", "dev.sparkjdbc.jdbc.SparkConnectDataSource");
    properties.setProperty("dataSource.serverName", "127.0.0.1");
    properties.setProperty("dataSource.portNumber", Integer.toString(server.port()));
    properties.setProperty("dataSource.applicationName", "orders");
    properties.setProperty("maximumPoolSize", "2");
    HikariConfig config = new HikariConfig(properties);
    config.addDataSourceProperty("token", "not-checked-by-this-server");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      // Hikari built the driver's DataSource and set its bean properties from the keys.
      SparkConnectDataSource dataSource = pool.unwrap(SparkConnectDataSource.class);
      assertThat(dataSource.getPortNumber()).isEqualTo(server.port());
      assertThat(dataSource.getApplicationName()).isEqualTo("orders");
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT sum(id) FROM range(1000)")) {
        assertThat(c.getMetaData().getURL()).contains("127.0.0.1:" + server.port());
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(499_500L);
      }
    }
  }

  /**
   * The server session of an idle pooled connection is released by someone else (a second
   * connection joins the session by id and closes it, which sends ReleaseSession). The session ids
   * are chosen per physical connection by a data source wrapping the driver, so the test knows
   * which session to end.
   */
  @Test
  void aConnectionWhoseServerSessionEndedIsEvictedAndReplaced(SparkConnectServer server)
      throws Exception {
    List<String> sessions = new CopyOnWriteArrayList<>();
    DriverManagerDataSource sessionPerConnection =
        new DriverManagerDataSource(server.url()) {
          private int loginTimeout;

          // Hikari waits this long for its connection-adding thread when it shuts down (0 would
          // not wait at all).
          @Override
          public int getLoginTimeout() {
            return loginTimeout;
          }

          @Override
          public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
          }

          @Override
          protected Connection getConnectionFromDriverManager(String url, Properties props)
              throws SQLException {
            String session = UUID.randomUUID().toString();
            sessions.add(session);
            return super.getConnectionFromDriverManager(url + "/;session_id=" + session, props);
          }
        };
    HikariConfig config = new HikariConfig();
    config.setPoolName("evict-ended-session");
    config.setDataSource(sessionPerConnection);
    config.setMinimumIdle(1);
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(20_000);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      HikariPoolMXBean mx = pool.getHikariPoolMXBean();
      await("1 connection in the pool", () -> mx.getTotalConnections() == 1, POOL_FILL_LIMIT);
      Connection first;
      try (Connection c = pool.getConnection()) {
        first = c.unwrap(Connection.class);
        assertUsable(c, 10);
      }
      assertThat(sessions).hasSize(1);

      // End the first connection's server session underneath the pool.
      try (Connection intruder =
          DriverManager.getConnection(server.url() + "/;session_id=" + sessions.get(0))) {
        assertUsable(intruder, 11);
      }
      assertThat(first.isValid(5))
          .as("isValid of a connection whose session was released")
          .isFalse();
      Thread.sleep(ALIVE_BYPASS_MILLIS + 300);

      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isNotSameAs(first);
        assertUsable(c, 12);
      }
      assertThat(sessions).hasSize(2);
      await("the evicted connection closed", () -> isClosed(first), Duration.ofSeconds(10));
      assertThat(mx.getTotalConnections()).isEqualTo(1);
      assertThat(mx.getActiveConnections()).isZero();
    }
  }

  /** A physical connection aborted under the pool (unwrap + abort) is evicted the same way. */
  @Test
  void aConnectionAbortedUnderneathIsEvictedAndReplaced(SparkConnectServer server)
      throws Exception {
    try (HikariDataSource pool =
        new HikariDataSource(config(server.url(), "evict-aborted", 1, 1))) {
      HikariPoolMXBean mx = pool.getHikariPoolMXBean();
      Connection first;
      try (Connection c = pool.getConnection()) {
        first = c.unwrap(Connection.class);
      }
      first.abort(Runnable::run);
      Thread.sleep(ALIVE_BYPASS_MILLIS + 300);
      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class)).isNotSameAs(first);
        assertUsable(c, 13);
      }
      assertThat(mx.getTotalConnections()).isEqualTo(1);
    }
  }

  /**
   * 10,000 borrow/return cycles from 8 threads over a pool of at most 4: every borrow checks the
   * connection's state, every {@value #QUERY_EVERY}th also runs a query whose answer is unique to
   * the borrow (a mixed-up connection or result would show).
   */
  @Test
  void tenThousandBorrowsFromEightThreadsLeakNothing(SparkConnectServer server) throws Exception {
    int threads = 8;
    int cyclesPerThread = 10_000 / threads;
    int maxPool = 4;
    int before = DriverDiagnostics.openConnections();
    try (HikariDataSource pool = new HikariDataSource(config(server.url(), "churn", 2, maxPool))) {
      HikariPoolMXBean mx = pool.getHikariPoolMXBean();
      AtomicInteger queries = new AtomicInteger();
      Set<Connection> physical = ConcurrentHashMap.newKeySet();
      ExecutorService executor = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  int done = 0;
                  for (int i = 0; i < cyclesPerThread; i++) {
                    try (Connection c = pool.getConnection()) {
                      physical.add(c.unwrap(Connection.class));
                      assertThat(c.isClosed()).isFalse();
                      assertThat(c.getAutoCommit()).isTrue();
                      assertThat(c.isReadOnly()).isFalse();
                      if (i % QUERY_EVERY == 0) {
                        long key = thread * 1_000_000L + i;
                        try (PreparedStatement ps = c.prepareStatement("SELECT ? * 2 + 1, ?")) {
                          ps.setLong(1, key);
                          ps.setString(2, "t" + thread + "-" + i);
                          try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getLong(1)).isEqualTo(key * 2 + 1);
                            assertThat(rs.getString(2)).isEqualTo("t" + thread + "-" + i);
                            assertThat(rs.next()).isFalse();
                          }
                        }
                        queries.incrementAndGet();
                      }
                      done++;
                    }
                  }
                  return done;
                }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      int cycles = 0;
      try {
        for (Future<Integer> f : results) {
          cycles += f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "Hikari churn: %d borrow/return cycles (%d with a query) from %d threads"
              + " over a pool of %d in %d ms = %.0f cycles/s%n",
          cycles, queries.get(), threads, maxPool, millis, cycles * 1000.0 / Math.max(1, millis));

      assertThat(cycles).isEqualTo(threads * cyclesPerThread);
      assertThat(queries.get())
          .isEqualTo(threads * ((cyclesPerThread + QUERY_EVERY - 1) / QUERY_EVERY));
      assertThat(mx.getActiveConnections()).isZero();
      assertThat(mx.getThreadsAwaitingConnection()).isZero();
      assertThat(mx.getTotalConnections()).isBetween(1, maxPool);
      // Every physical connection the pool ever handed out is still its own (none replaced,
      // none leaked beside it), and the driver holds exactly the pool's connections.
      assertThat(physical).hasSizeLessThanOrEqualTo(maxPool).noneMatch(HikariPoolTest::isClosed);
      assertThat(DriverDiagnostics.openConnections() - before).isEqualTo(mx.getTotalConnections());
    }
    assertThat(DriverDiagnostics.openConnections()).isEqualTo(before);
  }

  /**
   * What a borrower changes is undone when the connection goes back: the next borrower of the same
   * physical connection sees the pool's defaults. Hikari resets the schema only when the pool is
   * configured with one ({@code schema}); read-only, auto-commit and isolation always.
   */
  @Test
  void stateChangedByABorrowerIsResetForTheNext(SparkConnectServer server) throws Exception {
    String otherSchema = "hikari_other_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(server.url());
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + otherSchema);
    }
    HikariConfig config = config(server.url(), "reset", 1, 1);
    config.setSchema("default");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Connection physical;
      try (Connection c = pool.getConnection()) {
        physical = c.unwrap(Connection.class);
        assertThat(c.getSchema()).isEqualTo("default");
        assertThat(currentDatabase(c)).isEqualTo("default");

        c.setSchema(otherSchema);
        c.setReadOnly(true);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        // The changes really took effect on the server and in the driver.
        assertThat(currentDatabase(c)).isEqualTo(otherSchema);
        assertThat(c.getSchema()).isEqualTo(otherSchema);
        assertThat(physical.getSchema()).isEqualTo(otherSchema);
        assertThat(c.isReadOnly()).isTrue();
        assertThat(c.getAutoCommit()).isFalse();
      }
      try (Connection c = pool.getConnection()) {
        assertThat(c.unwrap(Connection.class))
            .as("the same physical connection")
            .isSameAs(physical);
        assertThat(currentDatabase(c)).isEqualTo("default");
        assertThat(c.getSchema()).isEqualTo("default");
        assertThat(c.isReadOnly()).isFalse();
        assertThat(physical.isReadOnly()).isFalse();
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
      }
    } finally {
      try (Connection admin = DriverManager.getConnection(server.url());
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + otherSchema + " CASCADE");
      }
    }
  }

  /**
   * The server dies under a pool of 3 and comes back on the same port: while it is down a borrow
   * fails with a connection-class (08) SQLSTATE within Hikari's connection timeout, and once it is
   * back the pool heals by itself. A server of its own: the shared one serves other tests.
   */
  @Test
  void poolRecoversAfterTheServerRestarts() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SparkConnectServer own = SparkConnectServer.start(port, List.of());
    int poolSize = 3;
    long connectionTimeoutMillis = 3_000;
    try {
      HikariConfig config = config(own.url(), "restart", poolSize, poolSize);
      config.setConnectionTimeout(connectionTimeoutMillis);
      config.setValidationTimeout(1_000);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        await(
            "3 connections in the pool",
            () -> mx.getTotalConnections() == poolSize,
            POOL_FILL_LIMIT);
        try (Connection c = pool.getConnection()) {
          assertUsable(c, 20);
        }

        long killed = System.nanoTime();
        own.kill();
        Thread.sleep(ALIVE_BYPASS_MILLIS + 300);
        long borrowStart = System.nanoTime();
        SQLException down =
            catchThrowableOfType(
                SQLException.class,
                () -> {
                  try (Connection c = pool.getConnection()) {
                    assertUsable(c, 21);
                  }
                });
        long failedAfter = (System.nanoTime() - borrowStart) / 1_000_000;
        System.out.println(
            "Hikari with the server down: borrow failed after "
                + failedAfter
                + " ms (connectionTimeout "
                + connectionTimeoutMillis
                + " ms), SQLSTATE "
                + down.getSQLState()
                + ": "
                + down
                + "; cause: "
                + down.getCause());
        assertThat((Throwable) down).as("a borrow while the server is down").isNotNull();
        assertThat(down.getSQLState()).as("SQLSTATE of %s", down).startsWith("08");
        assertThat(failedAfter).isLessThan(connectionTimeoutMillis + 5_000);

        own.close();
        own = SparkConnectServer.start(port, List.of());
        long restarted = System.nanoTime();
        long deadline = restarted + Duration.ofSeconds(60).toNanos();
        SQLException last = null;
        int attempts = 0;
        long borrowedAt;
        while (true) {
          attempts++;
          try (Connection c = pool.getConnection()) {
            borrowedAt = System.nanoTime();
            // The first query of a fresh Spark server is slow (session, planning, code
            // generation): it is timed apart from the pool's recovery.
            assertUsable(c, 22);
            break;
          } catch (SQLException e) {
            last = e;
            assertThat(System.nanoTime() - deadline)
                .as("recovered within 60 s; last failure %s", e)
                .isNegative();
            Thread.sleep(100);
          }
        }
        long now = System.nanoTime();
        System.out.println(
            "Hikari recovery: a connection borrowed "
                + (borrowedAt - restarted) / 1_000_000
                + " ms after the server was back ("
                + attempts
                + " borrow attempt(s), last failure before: "
                + last
                + "), its first query answered "
                + (now - borrowedAt) / 1_000_000
                + " ms later; "
                + (now - killed) / 1_000_000
                + " ms from the kill to a working pool");

        // Every connection of the healed pool works, and the pool stays within its size.
        List<Connection> all = new ArrayList<>();
        try {
          for (int i = 0; i < poolSize; i++) {
            Connection c = pool.getConnection();
            all.add(c);
            assertUsable(c, 30 + i);
          }
        } finally {
          for (Connection c : all) {
            c.close();
          }
        }
        assertThat(mx.getTotalConnections()).isBetween(1, poolSize);
        assertThat(mx.getActiveConnections()).isZero();
      }
    } finally {
      own.close();
    }
  }

  /** Runs a query whose answer depends on {@code n}, and checks it. */
  private static void assertUsable(Connection c, int n) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sum(id) FROM range(?)")) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo((long) n * (n - 1) / 2);
      }
    }
  }

  private static String currentDatabase(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database()")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(String what, BooleanSupplier condition, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
      }
      Thread.sleep(20);
    }
  }
}

package dev.sparkjdbc.tck.harness.child;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Child-JVM client of the logging leak test: runs connections as the parent's case file says (URL,
 * properties, whether the connection must work) with every java.util.logging logger at ALL, and
 * prints to stdout the toString of every JDBC object it gets and every exception's stack trace
 * (with the next exceptions). The logging configuration (console handler, levels, an SLF4J provider
 * beside the driver) is the parent's: this class only keeps every logger, also those the driver
 * creates or sets a level on while it runs, at ALL. It never looks for secrets itself.
 *
 * <p>Usage: {@code LoggingLeakClient <case-file> [slf4j]}; the case file is a properties file:
 * {@code cases=a,b}, {@code a.url=…}, {@code a.prop.<key>=…}, {@code a.works=true|false}. With
 * {@code slf4j}, the application also logs a TRACE line through its own SLF4J.
 */
public final class LoggingLeakClient {
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final List<Logger> HELD = Collections.synchronizedList(new ArrayList<>());

  private LoggingLeakClient() {}

  public static void main(String[] args) throws IOException {
    Properties cases = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      cases.load(in);
    }
    everyLoggerAtAll();
    if (args.length > 1 && args[1].equals("slf4j")) {
      ApplicationSlf4j.logAtTrace();
    }
    for (String name : cases.getProperty("cases").split(",")) {
      Properties info = new Properties();
      String prefix = name + ".prop.";
      for (String key : cases.stringPropertyNames()) {
        if (key.startsWith(prefix)) {
          info.setProperty(key.substring(prefix.length()), cases.getProperty(key));
        }
      }
      boolean works = Boolean.parseBoolean(cases.getProperty(name + ".works"));
      System.out.println("case=" + name);
      try {
        run(cases.getProperty(name + ".url"), info, works);
        System.out.println("caseDone=" + name);
      } catch (SQLException e) {
        printAll(e);
        System.out.println((works ? "caseFailed=" : "caseRefused=") + name + " " + e.getSQLState());
      } catch (Throwable t) { // logging must never throw: the parent fails on this line
        System.out.println("caseThrew=" + name + " " + t);
        t.printStackTrace(System.out);
      }
      everyLoggerAtAll();
    }
    System.out.println("done=true");
    System.out.flush();
    System.err.flush();
    System.exit(0); // gRPC's threads end by themselves a second later; no need to wait
  }

  /** Connects, then runs good, failing and prepared statements and metadata calls. */
  private static void run(String url, Properties info, boolean works) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, info)) {
      everyLoggerAtAll();
      System.out.println("connection=" + c);
      if (!works) {
        System.out.println("connectedUnexpectedly=true");
        return;
      }
      DatabaseMetaData meta = c.getMetaData();
      System.out.println("meta=" + meta + " " + meta.getURL() + " " + meta.getUserName());
      try (ResultSet schemas = meta.getSchemas()) {
        System.out.println("schemas=" + schemas);
      }
      try (Statement s = c.createStatement()) {
        System.out.println("statement=" + s);
        // Translated by the driver (FETCH FIRST is not Spark SQL): Calcite's parser runs, and
        // logs the operator trees it reduces (their toString) at FINE and FINEST.
        try (ResultSet rs =
            s.executeQuery(
                "SELECT id * 2 + 1 AS x, UPPER(CAST(id AS STRING)) AS s FROM range(3)"
                    + " WHERE id IS NOT NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
          System.out.println("resultSet=" + rs + " " + rs.getMetaData());
          while (rs.next()) {
            System.out.println("answer=" + rs.getLong(1) + "|" + rs.getString(2));
          }
        }
        for (String bad : List.of("SELECT * FROM no_such_table_here", "SELEC 1")) {
          try (ResultSet rs = s.executeQuery(bad)) {
            System.out.println("badQueryAnswered=" + rs);
          } catch (SQLException e) {
            printAll(e);
            System.out.println("badQuery=" + e.getSQLState());
          }
        }
        printAll(s.getWarnings());
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1 AS x")) {
        System.out.println("prepared=" + ps);
        ps.setInt(1, 41);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          System.out.println("preparedAnswer=" + rs.getInt(1));
        }
      }
      printAll(c.getWarnings());
    }
  }

  private static void printAll(SQLException e) {
    int chained = 0;
    for (SQLException next = e; next != null && chained++ < 50; next = next.getNextException()) {
      next.printStackTrace(System.out);
    }
  }

  /** Every logger known so far at ALL, the root's handlers too. */
  private static void everyLoggerAtAll() {
    LogManager manager = LogManager.getLogManager();
    for (String name : Collections.list(manager.getLoggerNames())) {
      Logger logger = manager.getLogger(name);
      if (logger != null) {
        logger.setLevel(Level.ALL);
        HELD.add(logger);
      }
    }
  }

  /**
   * The application's own SLF4J (only on the class path in the SLF4J runs, hence its own class):
   * one TRACE line shows that the provider prints at TRACE.
   */
  private static final class ApplicationSlf4j {
    static void logAtTrace() {
      org.slf4j.LoggerFactory.getLogger("application")
          .trace("the application's SLF4J provider logs at TRACE");
    }
  }
}

package dev.sparkjdbc.tck.harness.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Child-JVM client that turns on gRPC's HTTP/2 frame log (FINE on the logger named by the parent,
 * i.e. the relocated NettyClientHandler), connects with a token and runs a query, capturing every
 * java.util.logging record. Prints what reached the frame logger, whether it carried the
 * authorization header, and whether the token appeared in any record.
 *
 * <p>Usage: {@code FrameLogProbe <jdbc-url> <token> <frame-logger-name>}
 */
public final class FrameLogProbe {
  private FrameLogProbe() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    Logger frames = Logger.getLogger(args[2]); // held strongly for the whole run
    frames.setLevel(Level.ALL);
    List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);

    try (Connection connection = DriverManager.getConnection(url + "/;token=" + token);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT 40 + 2")) {
      rs.next();
      System.out.println("answer=" + rs.getInt(1));
      System.out.println(
          "frameLoggerFilter="
              + (frames.getFilter() == null ? "none" : frames.getFilter().getClass().getName()));
    }

    SimpleFormatter formatter = new SimpleFormatter();
    int frameRecords = 0;
    boolean headersSeen = false;
    boolean hiddenSeen = false;
    boolean tokenSeen = false;
    TreeSet<String> loggers = new TreeSet<>();
    TreeSet<String> frameSources = new TreeSet<>();
    synchronized (records) {
      for (LogRecord record : records) {
        String text = formatter.format(record);
        loggers.add(record.getLoggerName());
        if (args[2].equals(record.getLoggerName())) {
          frameRecords++;
          frameSources.add(String.valueOf(record.getSourceClassName()));
          String lower = text.toLowerCase(Locale.ROOT);
          headersSeen |= lower.contains("authorization");
          hiddenSeen |= lower.contains("authorization: (hidden)");
        }
        tokenSeen |= text.contains(token);
      }
    }
    System.out.println("frameRecords=" + frameRecords);
    System.out.println("authorizationHeaderLogged=" + headersSeen);
    System.out.println("authorizationHidden=" + hiddenSeen);
    System.out.println("tokenInAnyRecord=" + tokenSeen);
    System.out.println("loggers=" + String.join(",", loggers));
    System.out.println("frameRecordSources=" + String.join(",", frameSources));
  }
}

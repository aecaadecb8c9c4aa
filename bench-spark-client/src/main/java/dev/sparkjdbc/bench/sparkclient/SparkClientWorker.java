package dev.sparkjdbc.bench.sparkclient;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's own Connect client, driven by the benchmark over a line protocol: one command a line on
 * stdin, one answer a line on stdout. It runs in its own JVM because the client brings its own
 * (shaded) gRPC, Netty and Arrow, and needs Spark's {@code --add-opens} flags, neither of which may
 * leak into the JVM that measures our driver.
 *
 * <pre>
 *   (at start)                     answers  ready &lt;spark version&gt;  or  error &lt;message&gt;
 *   rows &lt;expectedRows&gt; &lt;sql&gt;      answers  ok &lt;rows&gt; &lt;nanos&gt; &lt;checksum&gt;
 *   latency &lt;n&gt;                    answers  ok &lt;nanos1&gt; ... &lt;nanosN&gt;
 *   quit (or end of input)         stops the session and exits
 * </pre>
 *
 * Any failure of a command answers {@code error <message>} on one line and the worker goes on.
 */
public final class SparkClientWorker {
  private SparkClientWorker() {}

  public static void main(String[] args) throws Exception {
    // stdout is the protocol. Keep the real one for answers and point System.out at stderr
    // before any Spark class loads, so that whatever a library prints (log4j's default console
    // appender, a stray println) lands in the log instead of corrupting an answer.
    PrintStream answers =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (args.length != 1 || !args[0].startsWith("sc://")) {
      answers.println("error usage: SparkClientWorker sc://host:port");
      answers.flush();
      System.exit(2);
    }

    SparkSession spark;
    try {
      spark = SparkSession.builder().remote(args[0]).getOrCreate();
      // getOrCreate does not talk to the server; asking for the version does, so "ready"
      // means the session really exists and the first measured query pays no connection setup.
      answers.println("ready " + spark.version());
      answers.flush();
    } catch (RuntimeException e) {
      answers.println(error(e));
      answers.flush();
      System.exit(1);
      return;
    }

    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = commands.readLine();
          line != null && !line.equals("quit");
          line = commands.readLine()) {
        String answer;
        try {
          answer = serve(spark, line);
        } catch (Exception e) { // a failing query is an answer, not the end of the worker
          answer = error(e);
        }
        answers.println(answer);
        answers.flush();
      }
    } finally {
      spark.stop();
    }
    // The client's gRPC and Netty threads must not keep the JVM alive after "quit".
    System.exit(0);
  }

  private static String serve(SparkSession spark, String line) {
    String[] parts = line.split(" ", 3);
    switch (parts[0]) {
      case "rows":
        {
          if (parts.length < 3) {
            return "error usage: rows <expectedRows> <sql>";
          }
          long expected = Long.parseLong(parts[1]);
          RowScan scan = RowScan.run(spark, parts[2]);
          if (scan.rows != expected) {
            return "error read " + scan.rows + " rows, expected " + expected;
          }
          return "ok " + scan.rows + " " + scan.nanos + " " + scan.checksum;
        }
      case "latency":
        {
          if (parts.length != 2) {
            return "error usage: latency <n>";
          }
          long[] nanos = SelectOne.time(spark, Integer.parseInt(parts[1]));
          StringBuilder answer = new StringBuilder("ok");
          for (long n : nanos) {
            answer.append(' ').append(n);
          }
          return answer.toString();
        }
      default:
        return "error unknown command: " + parts[0];
    }
  }

  /** One line, whatever the exception: Spark's messages span lines (query context, hints). */
  private static String error(Throwable e) {
    String message = e.getClass().getName() + ": " + e.getMessage();
    return "error " + message.replaceAll("\\s+", " ").trim();
  }
}

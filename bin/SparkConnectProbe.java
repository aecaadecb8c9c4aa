// bin/sql's check that a listener on a local port is a Spark Connect server before it opens a
// shell on it. Run as a single source file (java -cp <shell classpath> bin/SparkConnectProbe.java
// PORT), so it needs no build of its own.
//
// Prints one line and exits 0 when the port is Spark Connect ("Spark Connect 4.2.0", or "Spark
// Connect, which wants a token"); otherwise prints what answers there and exits 3.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

public final class SparkConnectProbe {
  private static final int TIMEOUT_SECONDS = 5;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String url = "jdbc:sc://127.0.0.1:" + port + "/;connect_timeout=" + TIMEOUT_SECONDS;
    Properties info = new Properties();
    String token = System.getenv("SPARKJDBC_TOKEN");
    if (token != null && !token.isEmpty()) {
      info.setProperty("token", token);
    }
    SQLException failure;
    try (Connection c = DriverManager.getConnection(url, info)) {
      System.out.println("Spark Connect " + c.getMetaData().getDatabaseProductVersion());
      return;
    } catch (SQLException e) {
      failure = e;
    }
    String state = failure.getSQLState() == null ? "" : failure.getSQLState();
    if (state.startsWith("28")) {
      // The server answered in Spark Connect's protocol and refused the missing or wrong token.
      System.out.println("Spark Connect, which wants a token");
      return;
    }
    System.out.println(sniff(port) + "; the driver says: " + failure.getMessage());
    System.exit(3);
  }

  /** What answers a plain HTTP/1.1 request on the port, in words. */
  private static String sniff(int port) {
    byte[] buffer = new byte[512];
    int length = 0;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_SECONDS * 1000);
      socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      int n;
      while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
      }
    } catch (SocketTimeoutException e) {
      if (length == 0) {
        return "a program that accepts connections but answers nothing to an HTTP request";
      }
    } catch (IOException e) {
      if (length == 0) {
        return "a program that refused or dropped the connection (" + e.getMessage() + ")";
      }
    }
    if (length == 0) {
      return "a program that closed the connection without answering";
    }
    String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    if (text.startsWith("HTTP/")) {
      String status = text.lines().findFirst().orElse("").trim();
      String server =
          text.lines()
              .filter(l -> l.regionMatches(true, 0, "Server:", 0, 7))
              .map(l -> " (" + l.trim() + ")")
              .findFirst()
              .orElse("");
      return "an HTTP/1 server, answering \"" + status + "\"" + server;
    }
    // An HTTP/2 frame header: 3 bytes of length, then the type (4 = SETTINGS, 7 = GOAWAY).
    if (length >= 9 && (buffer[3] == 4 || buffer[3] == 7)) {
      return "an HTTP/2 server (perhaps gRPC) that does not answer as Spark Connect";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(length, 40); i++) {
      char ch = (char) (buffer[i] & 0xff);
      shown.append(ch >= 32 && ch < 127 ? ch : '.');
    }
    return "a program speaking an unknown protocol (it answered \"" + shown + "\")";
  }
}

package dev.sparkjdbc.apps.tomcat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * {@code GET /query?ds=<name>&sql=<query>}: looks up {@code java:comp/env/jdbc/<name>}, runs the
 * query and answers its rows as plain text, one line per row with tab-separated values. The header
 * {@code X-Spark-Operation-Id} carries the server's id of the query's operation, which tells which
 * Spark session (so which physical connection) ran it.
 *
 * <p>A failing query answers 500 with one {@code SQLSTATE <state>: <message>} line per SQLException
 * in the cause chain: pools wrap the driver's exception, and the driver's SQLSTATE is the one that
 * says what went wrong. The SQL comes from the request: this servlet is a test tool, listening on
 * loopback only.
 */
final class QueryServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getParameter("ds");
    String sql = request.getParameter("sql");
    if (name == null || !NAME.matcher(name).matches() || sql == null) {
      answer(response, 400, "need ds=<resource name> and sql=<query>\n");
      return;
    }
    DataSource dataSource;
    try {
      dataSource = (DataSource) new InitialContext().lookup("java:comp/env/jdbc/" + name);
    } catch (NamingException e) {
      answer(response, 404, "no data source jdbc/" + name + ": " + e + "\n");
      return;
    }
    StringBuilder rows = new StringBuilder();
    String operationId;
    // The connection goes back to the pool before the answer leaves, so that a next request
    // can borrow the same one.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      SparkConnectStatementInfo info = statement.unwrap(SparkConnectStatementInfo.class);
      try (ResultSet rs = statement.executeQuery(sql)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            rows.append(i > 1 ? "\t" : "").append(rs.getString(i));
          }
          rows.append('\n');
        }
      }
      operationId = info.lastOperationId().orElse("");
    } catch (SQLException e) {
      answer(response, 500, sqlStates(e));
      return;
    }
    response.setHeader("X-Spark-Operation-Id", operationId);
    answer(response, 200, rows.toString());
  }

  private static String sqlStates(SQLException failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        text.append("SQLSTATE ")
            .append(e.getSQLState())
            .append(": ")
            .append(e.getMessage())
            .append('\n');
      }
    }
    return text.toString();
  }

  private static void answer(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}

package dev.sparkjdbc.apps.wildfly;

import jakarta.annotation.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reads Spark through the datasource WildFly manages ({@code data-source add
 * --jndi-name=java:/jdbc/Spark}): the pool, validation and credentials are the server's, the
 * application only borrows a connection per request.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class RangeResource {
  @Resource(lookup = "java:/jdbc/Spark")
  DataSource dataSource;

  /** {@code id,square} for {@code id} in {@code [0, n)}, one row a line. */
  @GET
  @Path("squares")
  public Response squares(@QueryParam("n") int n) {
    return rows("SELECT id, id * id AS square FROM range(?) ORDER BY id", n);
  }

  /** {@code count,sum,max} of {@code id} over {@code [0, n)}, one line. */
  @GET
  @Path("sum")
  public Response sum(@QueryParam("n") int n) {
    return rows("SELECT count(*), sum(id), max(id) FROM range(?)", n);
  }

  private Response rows(String sql, int n) {
    StringBuilder body = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, n);
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            body.append(i > 1 ? "," : "").append(rs.getString(i));
          }
          body.append('\n');
        }
      }
      return Response.ok(body.toString()).build();
    } catch (SQLException e) {
      // What a client needs to tell a dead server (08xxx) from a bad query (42xxx).
      return Response.serverError().entity(describe(e) + "\n").build();
    }
  }

  /**
   * The SQLSTATE and message of the failure. When the pool cannot hand out a connection, WildFly
   * throws its own SQLException without a SQLSTATE ("IJ031xxx: Unable to get managed connection")
   * and the driver's exception is further down the causes: that one says what happened.
   */
  static String describe(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String outer = t == e ? "" : " (" + e.getMessage() + ")";
        return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage() + outer;
      }
    }
    return "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
  }
}

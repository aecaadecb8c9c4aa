package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SqlState;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;

/**
 * The whole content of a Blob or Clob an application passes as a parameter. These are the
 * application's objects: an empty one is read without asking it for zero bytes from position 1
 * (which {@code SerialBlob} and {@code SerialClob} refuse), and a failure of its own becomes an
 * SQLException that says which parameter could not be read.
 */
public final class LobContents {
  private LobContents() {}

  public static byte[] bytes(Blob blob) throws SQLException {
    int length = length(blob.length(), "Blob");
    try {
      return length == 0 ? new byte[0] : blob.getBytes(1, length);
    } catch (SQLException | RuntimeException e) {
      throw unreadable("Blob", e);
    }
  }

  public static String text(Clob clob) throws SQLException {
    int length = length(clob.length(), "Clob");
    try {
      return length == 0 ? "" : clob.getSubString(1, length);
    } catch (SQLException | RuntimeException e) {
      throw unreadable("Clob", e);
    }
  }

  private static int length(long length, String kind) throws SQLException {
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new SQLException(
          "A " + kind + " parameter of " + length + " units is more than one Java array holds",
          SqlState.TOO_LARGE);
    }
    return (int) length;
  }

  private static SQLException unreadable(String kind, Exception e) {
    return new SQLException(
        "Could not read the " + kind + " parameter: " + e, SqlState.INVALID_PARAMETER_VALUE, e);
  }
}

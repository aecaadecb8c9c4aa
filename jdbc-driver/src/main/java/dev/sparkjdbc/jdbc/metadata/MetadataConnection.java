package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What {@code DatabaseMetaData} needs of its connection, and nothing more. */
public interface MetadataConnection {
  /** The connection as the application sees it ({@code getConnection()}, {@code isReadOnly()}). */
  Connection connection();

  ConnectionConfig config();

  /** The server's Spark version, as it reported it on connect. */
  String sparkVersion();

  /** Fails once the connection is closed. */
  void checkOpen() throws SQLException;

  /**
   * The columns of a table as Spark's analyzer sees them (an AnalyzePlan of reading it), for tables
   * whose listing carries no schema.
   */
  dev.sparkjdbc.proto.DataType tableSchema(String qualifiedName) throws SQLException;

  /** A statement for the driver's own catalog queries; the caller closes it. */
  Statement internalStatement() throws SQLException;
}

package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes a result set over rows the driver holds as Java values ({@code Array.getResultSet()}).
 * Result sets are built a layer above the accessors, which therefore receive this from the
 * connection rather than building one themselves.
 */
@FunctionalInterface
public interface DetachedRows {
  ResultSet resultSet(String[] labels, DataType[] types, List<Object[]> rows) throws SQLException;
}

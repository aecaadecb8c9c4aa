package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.pool.SparkConnectPooledConnection;
import java.sql.SQLException;
import java.sql.ShardingKey;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.PooledConnectionBuilder;

/**
 * A {@link ConnectionPoolDataSource} for app servers that pool connections themselves: each {@link
 * #getPooledConnection()} opens one physical connection (one Spark session), whose {@link
 * PooledConnection#getConnection()} hands out logical connections. The bean properties are those of
 * {@link SparkConnectDataSource}; see {@link SparkConnectPooledConnection} for what a pool sees
 * (events, handles, statements).
 */
public final class SparkConnectConnectionPoolDataSource extends SparkConnectDataSource
    implements ConnectionPoolDataSource {
  private static final long serialVersionUID = 1L;

  public SparkConnectConnectionPoolDataSource() {}

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    return new SparkConnectPooledConnection(open(getUser(), getPassword()));
  }

  /** Connects as {@code user} with {@code password}, instead of the bean's user and password. */
  @Override
  public PooledConnection getPooledConnection(String user, String password) throws SQLException {
    return new SparkConnectPooledConnection(open(user, password));
  }

  /** A builder for {@link #getPooledConnection(String, String)}; no sharding keys. */
  @Override
  public PooledConnectionBuilder createPooledConnectionBuilder() {
    return new PooledConnectionBuilder() {
      private String user = getUser();
      private String password = getPassword();
      private boolean sharded;

      @Override
      public PooledConnectionBuilder user(String username) {
        this.user = username;
        return this;
      }

      @Override
      public PooledConnectionBuilder password(String password) {
        this.password = password;
        return this;
      }

      @Override
      public PooledConnectionBuilder shardingKey(ShardingKey shardingKey) {
        sharded |= shardingKey != null;
        return this;
      }

      @Override
      public PooledConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        sharded |= superShardingKey != null;
        return this;
      }

      @Override
      public PooledConnection build() throws SQLException {
        if (sharded) {
          throw shardingUnsupported();
        }
        return getPooledConnection(user, password);
      }
    };
  }
}

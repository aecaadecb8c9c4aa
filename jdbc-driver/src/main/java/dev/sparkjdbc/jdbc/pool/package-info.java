/**
 * {@code PooledConnection} for app servers that pool connections themselves: logical connections
 * and their statements as proxies over a physical {@code java.sql.Connection}, with connection and
 * statement events. Uses {@code errors} only.
 */
package dev.sparkjdbc.jdbc.pool;

/**
 * The wire: one gRPC channel and Spark session per connection ({@link
 * dev.sparkjdbc.jdbc.client.ConnectClient}), server operations streamed response by response with
 * reattach, cancel and timeouts ({@link dev.sparkjdbc.jdbc.client.ExecutionStream}, {@link
 * dev.sparkjdbc.jdbc.client.ExecutionControl}), the read-ahead thread, what the server understands
 * ({@link dev.sparkjdbc.jdbc.client.ServerCapabilities}), operation tags, TLS on the channel, and
 * gRPC failures as SQLExceptions. Hands Arrow IPC chunks up as an {@link
 * dev.sparkjdbc.jdbc.client.ArrowBatchSource}. Uses {@code errors} and {@code config}.
 */
package dev.sparkjdbc.jdbc.client;

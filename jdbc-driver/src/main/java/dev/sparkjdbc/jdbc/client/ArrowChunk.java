package dev.sparkjdbc.jdbc.client;

/**
 * Arrow IPC bytes as the server sent them, with the row count it announced (-1 when the source does
 * not say), so the cursor can tell an empty batch without decoding it. The bytes are copied out of
 * the protobuf message where it is received, which with read-ahead is the background thread, not
 * the application's.
 */
public record ArrowChunk(byte[] bytes, long rowCount) {}

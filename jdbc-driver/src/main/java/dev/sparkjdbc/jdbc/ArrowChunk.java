package dev.sparkjdbc.jdbc;

import com.google.protobuf.ByteString;

/**
 * Arrow IPC bytes as the server sent them, with the row count it announced (-1 when the
 * source does not say), so the cursor can tell an empty batch without decoding it.
 */
record ArrowChunk(ByteString data, long rowCount) {}

package dev.sparkjdbc.jdbc.client;

import java.util.function.IntSupplier;

/**
 * What a server operation needs of its connection, and nothing more: the gRPC client, the
 * connection's timer, its network timeout (which the application may change at any time) and what
 * to do when that timeout fires (the connection closes itself).
 */
public record SessionLink(
    ConnectClient client,
    ConnectionTimer timer,
    IntSupplier networkTimeoutMillis,
    Runnable onNetworkTimeout) {}

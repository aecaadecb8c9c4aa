package dev.sparkjdbc.jdbc.client;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads the gRPC channels run on, shared by all open connections and ended a second after the
 * last one closes (so that a loop of connect, query, close does not start new threads each time).
 * gRPC's own shared threads would do the same, but they take the context class loader of whichever
 * application thread happened to start them (see {@link DriverThreads}).
 */
final class ChannelThreads {
  private static final long LINGER_MILLIS = 1000;

  private static int users;
  private static long acquisitions;
  private static EventLoopGroup network;
  private static ExecutorService callbacks;

  private ChannelThreads() {}

  /** Runs {@code builder}'s channel on the shared threads; pair with {@link #release}. */
  static synchronized void acquire(NettyChannelBuilder builder) {
    if (network == null) {
      // 0: Netty's default number of event loops, as gRPC's shared group has.
      network =
          new NioEventLoopGroup(
              0, DriverThreads.adopting(new DefaultThreadFactory("sparkjdbc-grpc-network", true)));
      callbacks =
          Executors.newCachedThreadPool(
              DriverThreads.adopting(new DefaultThreadFactory("sparkjdbc-grpc-executor", true)));
    }
    users++;
    acquisitions++;
    builder
        .eventLoopGroup(network)
        .channelType(NioSocketChannel.class)
        .executor(callbacks)
        .offloadExecutor(callbacks);
  }

  /** A channel acquired with {@link #acquire} has terminated (or was never built). */
  static synchronized void release() {
    if (users == 0) {
      throw new IllegalStateException("released more often than acquired");
    }
    if (--users == 0) {
      long acquiredBefore = acquisitions;
      network.schedule(
          () -> endIfUnusedSince(acquiredBefore), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Ends the threads unless a channel took them since the last one let go. */
  private static synchronized void endIfUnusedSince(long acquiredBefore) {
    if (users == 0 && acquisitions == acquiredBefore && network != null) {
      network.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      callbacks.shutdown();
      network = null;
      callbacks = null;
    }
  }
}

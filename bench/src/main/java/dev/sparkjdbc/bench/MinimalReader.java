package dev.sparkjdbc.bench;

import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import dev.sparkjdbc.proto.ExecutePlanRequest;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.Plan;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SQL;
import dev.sparkjdbc.proto.SparkConnectServiceGrpc;
import dev.sparkjdbc.proto.UserContext;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * The wire's limit: one gRPC ExecutePlan whose Arrow batches are decoded into vectors and counted,
 * nothing else (no JDBC, no per-value work, no reattach). What any client must at least spend to
 * receive a result.
 */
final class MinimalReader implements AutoCloseable {
  /** grpc_flow_control_window's default: the driver's HTTP/2 window. */
  static final int DRIVER_WINDOW =
      Integer.parseInt(ConnectionProperty.GRPC_FLOW_CONTROL_WINDOW.defaultValue().orElseThrow());

  private final ManagedChannel channel;
  private final SparkConnectServiceGrpc.SparkConnectServiceBlockingStub stub;
  private final String sessionId = UUID.randomUUID().toString();
  private final RootAllocator allocator = new RootAllocator();

  MinimalReader(String host, int port) {
    // The driver's default HTTP/2 window, so that this stays the floor of what reading costs
    // rather than a comparison of windows (the network part measures the window by itself).
    channel =
        NettyChannelBuilder.forAddress(host, port)
            .usePlaintext()
            .maxInboundMessageSize(Integer.MAX_VALUE)
            .flowControlWindow(DRIVER_WINDOW)
            .build();
    stub = SparkConnectServiceGrpc.newBlockingStub(channel);
  }

  /** Runs {@code sql} and returns the number of rows decoded. */
  long rows(String sql) throws IOException {
    ExecutePlanRequest request =
        ExecutePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(UserContext.newBuilder().setUserId("bench"))
            .setClientType("sparkjdbc-bench-minimal")
            .setPlan(
                Plan.newBuilder()
                    .setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql))))
            .build();
    long rows = 0;
    Iterator<ExecutePlanResponse> responses = stub.executePlan(request);
    while (responses.hasNext()) {
      ExecutePlanResponse response = responses.next();
      if (!response.hasArrowBatch()) {
        continue;
      }
      try (ArrowStreamReader reader =
          new ArrowStreamReader(response.getArrowBatch().getData().newInput(), allocator)) {
        while (reader.loadNextBatch()) {
          rows += reader.getVectorSchemaRoot().getRowCount();
        }
      }
    }
    return rows;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    allocator.close();
  }
}

package dev.sparkjdbc.tck.translation;

import dev.sparkjdbc.proto.AnalyzePlanRequest;
import dev.sparkjdbc.proto.AnalyzePlanResponse;
import dev.sparkjdbc.proto.ConfigRequest;
import dev.sparkjdbc.proto.ConfigResponse;
import dev.sparkjdbc.proto.ExecutePlanRequest;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.InterruptRequest;
import dev.sparkjdbc.proto.InterruptResponse;
import dev.sparkjdbc.proto.ReattachExecuteRequest;
import dev.sparkjdbc.proto.ReleaseExecuteRequest;
import dev.sparkjdbc.proto.ReleaseExecuteResponse;
import dev.sparkjdbc.proto.ReleaseSessionRequest;
import dev.sparkjdbc.proto.ReleaseSessionResponse;
import dev.sparkjdbc.proto.SparkConnectServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC proxy in front of the real Spark Connect server that refuses every query plan that is not
 * SQL text, as a server refuses a translated plan it cannot analyse. It stands in for a translator
 * bug, which a real server shows only until the bug is fixed: the fault itself cannot be made on
 * demand. Everything else goes through to the real server unchanged.
 */
final class PlanRejectingProxy implements AutoCloseable {
  static final String REJECTION =
      "[INTERNAL_ERROR] Invalid call to dataType on unresolved object (refused by the test proxy)";

  private final ManagedChannel upstream;
  private final Server server;
  private final AtomicInteger rejected = new AtomicInteger();

  PlanRejectingProxy(int serverPort) throws IOException {
    upstream = ManagedChannelBuilder.forAddress("127.0.0.1", serverPort).usePlaintext().build();
    SparkConnectServiceGrpc.SparkConnectServiceStub stub =
        SparkConnectServiceGrpc.newStub(upstream);
    server =
        ServerBuilder.forPort(0)
            .maxInboundMessageSize(128 * 1024 * 1024)
            .addService(
                new SparkConnectServiceGrpc.SparkConnectServiceImplBase() {
                  @Override
                  public void executePlan(
                      ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
                    if (request.getPlan().hasRoot() && !request.getPlan().getRoot().hasSql()) {
                      rejected.incrementAndGet();
                      out.onError(Status.INTERNAL.withDescription(REJECTION).asRuntimeException());
                      return;
                    }
                    stub.executePlan(request, out);
                  }

                  @Override
                  public void reattachExecute(
                      ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
                    stub.reattachExecute(request, out);
                  }

                  @Override
                  public void analyzePlan(
                      AnalyzePlanRequest request, StreamObserver<AnalyzePlanResponse> out) {
                    stub.analyzePlan(request, out);
                  }

                  @Override
                  public void config(ConfigRequest request, StreamObserver<ConfigResponse> out) {
                    stub.config(request, out);
                  }

                  @Override
                  public void interrupt(
                      InterruptRequest request, StreamObserver<InterruptResponse> out) {
                    stub.interrupt(request, out);
                  }

                  @Override
                  public void releaseExecute(
                      ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
                    stub.releaseExecute(request, out);
                  }

                  @Override
                  public void releaseSession(
                      ReleaseSessionRequest request, StreamObserver<ReleaseSessionResponse> out) {
                    stub.releaseSession(request, out);
                  }
                })
            .build()
            .start();
  }

  String url() {
    return "jdbc:sc://127.0.0.1:" + server.getPort();
  }

  /** How many plans the proxy has refused. */
  int rejected() {
    return rejected.get();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    upstream.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }
}

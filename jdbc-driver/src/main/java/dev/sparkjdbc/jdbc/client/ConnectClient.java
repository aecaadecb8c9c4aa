package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.DriverVersion;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.proto.AnalyzePlanRequest;
import dev.sparkjdbc.proto.ConfigRequest;
import dev.sparkjdbc.proto.ConfigResponse;
import dev.sparkjdbc.proto.ExecutePlanRequest;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.InterruptRequest;
import dev.sparkjdbc.proto.KeyValue;
import dev.sparkjdbc.proto.Plan;
import dev.sparkjdbc.proto.ReattachExecuteRequest;
import dev.sparkjdbc.proto.ReattachOptions;
import dev.sparkjdbc.proto.ReleaseExecuteRequest;
import dev.sparkjdbc.proto.ReleaseExecuteResponse;
import dev.sparkjdbc.proto.ReleaseSessionRequest;
import dev.sparkjdbc.proto.SparkConnectServiceGrpc;
import dev.sparkjdbc.proto.SparkConnectServiceGrpc.SparkConnectServiceBlockingStub;
import dev.sparkjdbc.proto.UserContext;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC side of one connection: one channel, one server session, the request headers (token,
 * user agent, custom headers) and the Spark Connect RPCs the driver uses. Thread-safe.
 */
public final class ConnectClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ConnectClient.class.getName());
  static final String CLIENT_TYPE = "sparkjdbc/" + DriverVersion.VERSION;
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ConnectionConfig config;
  private final ManagedChannel channel;
  private final SparkConnectServiceBlockingStub stub;
  private final String sessionId;
  private final UserContext userContext;

  /** Server's id for our session, learned from its first answer; detects a restarted server. */
  private volatile String serverSideSessionId;

  /** True once the server answered: only then is there a session to release. */
  private volatile boolean sessionOpen;

  /** Why the server ended our session, once it said so: every later use fails with it. */
  private volatile SQLException sessionEnded;

  /** Whether close gave the channel's share of {@link ChannelThreads} back. */
  private boolean threadsReleased;

  /**
   * The session is named by the user ({@code session_id}): other connections may join it, so close
   * waits until the server has released it. A session of our own random id is released without
   * waiting: nobody else can tell when it goes.
   */

  /** Connection.setNetworkTimeout: the longest wait for any call; 0 for none. */
  private volatile long callTimeoutMillis;

  /** Sent with every operation: see OperationTags. */
  private volatile List<String> operationTags = List.of();

  /** Releases sent without waiting and not yet answered: close() lets them arrive first. */
  private final Set<CompletableFuture<Void>> releasesInFlight = ConcurrentHashMap.newKeySet();

  public ConnectClient(ConnectionConfig config) {
    this.config = config;
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(config.host(), config.port())
            .maxInboundMessageSize(config.maxMessageSize())
            .userAgent(config.userAgent());
    if (config.keepAliveTimeSeconds() > 0) {
      // Pings only while a call is outstanding: a stock Spark server (gRPC's default policy)
      // allows idle pings every 2 h at most and closes connections that ping more often.
      builder
          .keepAliveTime(config.keepAliveTimeSeconds(), TimeUnit.SECONDS)
          .keepAliveTimeout(config.keepAliveTimeoutSeconds(), TimeUnit.SECONDS)
          .keepAliveWithoutCalls(false);
    }
    if (config.flowControlWindow() > 0) {
      // A fixed window; gRPC then stops its own tuning, which grows to at most 8 MiB. A stream
      // moves about half a window per round trip (Netty acknowledges at half), which is what
      // bounded every reader's throughput on a long link (docs/benchmarks.md).
      builder.flowControlWindow(config.flowControlWindow());
    }
    TransportSecurity.configure(config, builder);
    ChannelThreads.acquire(builder);
    try {
      this.channel = builder.intercept(new HeaderInterceptor(config)).build();
    } catch (RuntimeException e) {
      ChannelThreads.release();
      throw e;
    }
    this.stub = SparkConnectServiceGrpc.newBlockingStub(channel);
    this.sessionId = config.sessionId();
    this.userContext = UserContext.newBuilder().setUserId(config.userId()).build();
  }

  public String sessionId() {
    return sessionId;
  }

  public void setOperationTags(List<String> tags) {
    operationTags = List.copyOf(tags);
  }

  public void setCallTimeoutMillis(long millis) {
    callTimeoutMillis = millis;
  }

  /**
   * The stub for a unary call: bounded by the network timeout when one is set, and by {@code
   * ownLimitMillis} (0: none) for calls that must never wait long.
   */
  private SparkConnectServiceBlockingStub stub(long ownLimitMillis) {
    long network = callTimeoutMillis;
    long limit =
        network <= 0
            ? ownLimitMillis
            : ownLimitMillis <= 0 ? network : Math.min(network, ownLimitMillis);
    return limit > 0 ? stub.withDeadlineAfter(limit, TimeUnit.MILLISECONDS) : stub;
  }

  String where() {
    return config.endpointUrl();
  }

  /**
   * A failed call as the SQLException to throw; remembers when it says the server ended our
   * session, so that the connection reports itself closed from then on.
   */
  SQLException failure(StatusRuntimeException e) {
    SQLException mapped = GrpcErrors.of(e, where(), sessionOpen);
    if (sessionEnded == null && GrpcErrors.endsSession(e)) {
      sessionEnded = mapped;
    }
    return mapped;
  }

  public boolean hasSessionEnded() {
    return sessionEnded != null;
  }

  /** Why the server ended this session (a fresh 08003 error for the caller), or null. */
  public SQLException sessionEnded() {
    SQLException first = sessionEnded;
    return first == null ? null : SqlErrors.again(first);
  }

  /** A cheap round trip that proves the server answers; returns Spark's version. */
  public String sparkVersion(long timeoutMillis) throws SQLException {
    AnalyzePlanRequest.Builder request =
        AnalyzePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setSparkVersion(AnalyzePlanRequest.SparkVersion.getDefaultInstance());
    String observed = serverSideSessionId;
    if (observed != null) {
      // A restarted server has lost our session: it refuses this, so isValid turns false.
      request.setClientObservedServerSideSessionId(observed);
    }
    try {
      var response = stub(timeoutMillis).analyzePlan(request.build());
      observeServerSession(response.getServerSideSessionId());
      sessionOpen = true;
      return response.getSparkVersion().getVersion();
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /** Spark's analysis of a plan's output, without running it (AnalyzePlan schema). */
  public dev.sparkjdbc.proto.DataType schema(Plan plan) throws SQLException {
    AnalyzePlanRequest.Builder request =
        AnalyzePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(plan));
    observedSession(request::setClientObservedServerSideSessionId);
    try {
      return stub(0).analyzePlan(request.build()).getSchema().getSchema();
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /** A Spark session configuration value (Config RPC). */
  public String config(String key) throws SQLException {
    ConfigRequest.Builder request =
        ConfigRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setOperation(
                ConfigRequest.Operation.newBuilder()
                    .setGet(ConfigRequest.Get.newBuilder().addKeys(key)));
    observedSession(request::setClientObservedServerSideSessionId);
    try {
      return stub(30_000).config(request.build()).getPairs(0).getValue();
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * Sets session configuration values (one Config Set) without waiting: the future completes with
   * the server's warnings, or fails with the error as an SQLException. gRPC calls on one channel
   * are not ordered on the server, so a call started after this one may run before it.
   */
  public CompletableFuture<List<String>> setConfigAsync(Map<String, String> pairs) {
    ConfigRequest.Set.Builder set = ConfigRequest.Set.newBuilder();
    pairs.forEach((k, v) -> set.addPairs(KeyValue.newBuilder().setKey(k).setValue(v)));
    return configAsync(ConfigRequest.Operation.newBuilder().setSet(set).build())
        .thenApply(response -> List.copyOf(response.getWarningsList()));
  }

  /**
   * Whether the session may set {@code key}, asked without waiting (Config IsModifiable). Spark
   * answers false for a key it does not know, so this tells whether a server has a conf at all: it
   * accepts a Set of any unknown {@code spark.sql.*} key silently.
   */
  public CompletableFuture<Boolean> isModifiableAsync(String key) {
    return configAsync(
            ConfigRequest.Operation.newBuilder()
                .setIsModifiable(ConfigRequest.IsModifiable.newBuilder().addKeys(key))
                .build())
        .thenApply(
            response ->
                response.getPairsCount() > 0
                    && Boolean.parseBoolean(response.getPairs(0).getValue()));
  }

  private CompletableFuture<ConfigResponse> configAsync(ConfigRequest.Operation operation) {
    ConfigRequest request =
        ConfigRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setOperation(operation)
            .build();
    CompletableFuture<ConfigResponse> answer = new CompletableFuture<>();
    long network = callTimeoutMillis;
    long limit = network > 0 ? Math.min(network, 30_000) : 30_000;
    ClientCalls.asyncUnaryCall(
        channel.newCall(
            SparkConnectServiceGrpc.getConfigMethod(),
            CallOptions.DEFAULT.withDeadlineAfter(limit, TimeUnit.MILLISECONDS)),
        request,
        new StreamObserver<ConfigResponse>() {
          @Override
          public void onNext(ConfigResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t instanceof StatusRuntimeException e ? failure(e) : t);
          }

          @Override
          public void onCompleted() {
            answer.completeExceptionally(new IllegalStateException("no Config answer"));
          }
        });
    return answer;
  }

  /** Spark's explanation of a plan (AnalyzePlan explain). */
  public String explain(Plan plan, AnalyzePlanRequest.Explain.ExplainMode mode)
      throws SQLException {
    AnalyzePlanRequest.Builder request =
        AnalyzePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setExplain(AnalyzePlanRequest.Explain.newBuilder().setPlan(plan).setExplainMode(mode));
    observedSession(request::setClientObservedServerSideSessionId);
    try {
      return stub(0).analyzePlan(request.build()).getExplain().getExplainString();
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
  }

  /** Starts a reattachable execution; responses stream lazily through the iterator. */
  Iterator<ExecutePlanResponse> execute(Plan plan, String operationId) {
    ExecutePlanRequest.Builder request =
        ExecutePlanRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setOperationId(operationId)
            .addAllTags(operationTags)
            .setPlan(plan)
            .addRequestOptions(
                ExecutePlanRequest.RequestOption.newBuilder()
                    .setReattachOptions(ReattachOptions.newBuilder().setReattachable(true)));
    String observed = serverSideSessionId;
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    return stub.executePlan(request.build());
  }

  /** Continues an execution whose stream ended before its result was complete. */
  Iterator<ExecutePlanResponse> reattach(String operationId, String lastResponseId) {
    ReattachExecuteRequest.Builder request =
        ReattachExecuteRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setOperationId(operationId);
    if (lastResponseId != null) {
      request.setLastResponseId(lastResponseId);
    }
    String observed = serverSideSessionId;
    if (observed != null) {
      request.setClientObservedServerSideSessionId(observed);
    }
    return stub.reattachExecute(request.build());
  }

  /** Tells the server it may drop everything it keeps for an operation (and stop it if running). */
  void releaseExecution(String operationId) {
    ReleaseExecuteRequest request = releaseRequest(operationId);
    boolean interrupted = Thread.interrupted(); // clean-up must reach the server regardless
    try {
      stub(10_000).releaseExecute(request);
    } catch (StatusRuntimeException e) {
      // The operation may already be gone (finished and released, or the server restarted).
      LOG.log(Level.FINE, "ReleaseExecute failed for operation " + operationId, e);
    } finally {
      restoreInterrupt(interrupted);
    }
  }

  /**
   * Releases an operation without waiting for the answer (what Spark's own client does): the server
   * frees what it kept for a reattach and stops the operation if it still runs, and a round trip on
   * every statement or early close would cost its caller more than the answer is worth. The
   * channel's graceful shutdown lets a release in flight finish. A failure is only logged.
   */
  void releaseExecutionWithoutWaiting(String operationId) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    releasesInFlight.add(answered);
    answered.whenComplete((ignored, alsoIgnored) -> releasesInFlight.remove(answered));
    ClientCalls.asyncUnaryCall(
        channel.newCall(
            SparkConnectServiceGrpc.getReleaseExecuteMethod(),
            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS)),
        releaseRequest(operationId),
        new StreamObserver<>() {
          @Override
          public void onNext(ReleaseExecuteResponse response) {}

          @Override
          public void onError(Throwable t) {
            LOG.log(Level.FINE, "ReleaseExecute failed for operation " + operationId, t);
            answered.complete(null);
          }

          @Override
          public void onCompleted() {
            answered.complete(null);
          }
        });
  }

  private ReleaseExecuteRequest releaseRequest(String operationId) {
    return ReleaseExecuteRequest.newBuilder()
        .setSessionId(sessionId)
        .setUserContext(userContext)
        .setClientType(CLIENT_TYPE)
        .setOperationId(operationId)
        .setReleaseAll(ReleaseExecuteRequest.ReleaseAll.getDefaultInstance())
        .build();
  }

  /**
   * gRPC's blocking calls fail at once on an interrupted thread, so calls that free server
   * resources clear the flag first and this puts it back: an interrupted thread that closes its
   * statement must not leave the operation (and its buffered result) on the server.
   */
  private static void restoreInterrupt(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Interrupts a running operation; true when the server found and interrupted it. */
  boolean interrupt(String operationId) throws SQLException {
    InterruptRequest request =
        InterruptRequest.newBuilder()
            .setSessionId(sessionId)
            .setUserContext(userContext)
            .setClientType(CLIENT_TYPE)
            .setInterruptType(InterruptRequest.InterruptType.INTERRUPT_TYPE_OPERATION_ID)
            .setOperationId(operationId)
            .build();
    boolean interrupted = Thread.interrupted();
    try {
      return stub(10_000).interrupt(request).getInterruptedIdsCount() > 0;
    } catch (StatusRuntimeException e) {
      throw failure(e);
    } finally {
      restoreInterrupt(interrupted);
    }
  }

  /**
   * Gives a request the server's id for our session, once known: a restarted server then refuses it
   * with SESSION_CHANGED instead of quietly starting a new, empty session under our id.
   */
  private void observedSession(java.util.function.Consumer<String> setter) {
    String observed = serverSideSessionId;
    if (observed != null) {
      setter.accept(observed);
    }
  }

  void observeServerSession(String id) {
    if (id != null && !id.isEmpty() && serverSideSessionId == null) {
      serverSideSessionId = id;
    }
  }

  static String newOperationId() {
    return UUID.randomUUID().toString();
  }

  /** Releases the server session, then the channel. Never throws: closing must always finish. */
  @Override
  public void close() {
    // ReleaseSession is waited for: sent without waiting, it was lost with the connection when a
    // network cut the link at that moment, and the session's finished operations then stayed on
    // the server until its own clean-up (seen in NetworkFaultsTest). One round trip at close is
    // the price of leaving nothing behind.
    boolean interrupted = Thread.interrupted();
    try {
      if (!sessionOpen) {
        return;
      }
      awaitReleasesInFlight();
      stub(5_000).releaseSession(releaseSessionRequest());
    } catch (StatusRuntimeException e) {
      LOG.log(Level.FINE, "ReleaseSession failed; the server will expire the session itself", e);
    } finally {
      interrupted |= endChannel();
      restoreInterrupt(interrupted);
    }
  }

  /**
   * Lets the operations released just before the close (a statement closed early, then its
   * connection) reach the server first: the server handles calls in parallel, and a ReleaseExecute
   * that arrives after ReleaseSession fails there with an ERROR in its log for each such close.
   * Briefly: a release the server does not answer is cut by its own deadline, and the session's
   * release frees the operation anyway.
   */
  private void awaitReleasesInFlight() {
    try {
      CompletableFuture.allOf(releasesInFlight.toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.FINE, "Closing the session with operation releases still unanswered", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ReleaseSessionRequest releaseSessionRequest() {
    return ReleaseSessionRequest.newBuilder()
        .setSessionId(sessionId)
        .setUserContext(userContext)
        .setClientType(CLIENT_TYPE)
        .build();
  }

  /**
   * Shuts the channel down, waits for it to end (briefly: only calls already answered or cut by
   * their deadlines remain) and gives its threads back once. Returns whether the wait was
   * interrupted.
   */
  private boolean endChannel() {
    boolean interrupted = false;
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      interrupted = true;
    }
    synchronized (this) {
      if (!threadsReleased) {
        threadsReleased = true;
        ChannelThreads.release();
      }
    }
    return interrupted;
  }

  /** Adds the bearer token and the URL's extra headers to every call. */
  private static final class HeaderInterceptor implements ClientInterceptor {
    private final Metadata extra = new Metadata();

    HeaderInterceptor(ConnectionConfig config) {
      config.token().ifPresent(t -> extra.put(AUTHORIZATION, "Bearer " + t));
      for (Map.Entry<String, String> h : config.headers().entrySet()) {
        extra.put(Metadata.Key.of(h.getKey(), Metadata.ASCII_STRING_MARSHALLER), h.getValue());
      }
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          headers.merge(extra);
          super.start(listener, headers);
        }
      };
    }
  }
}

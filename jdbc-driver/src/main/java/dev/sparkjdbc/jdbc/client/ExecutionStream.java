package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.Plan;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The responses of one server operation, pulled lazily. gRPC's blocking iterator asks for one
 * message at a time, so at most one response waits in memory beyond transport buffers.
 *
 * <p>When the server ends a stream before the result is complete (it caps stream duration and
 * size), or the connection drops for a moment, the stream reattaches and continues after the last
 * response seen, so no row is lost or repeated. Any thread may {@link #stop} it (cancel, query
 * timeout, network timeout): the reader is woken at once with the reason, and the server is told to
 * interrupt and forget the operation.
 */
public final class ExecutionStream implements OperationSource {
  /** Reattaching without receiving anything this many times in a row means something is wrong. */
  private static final int MAX_EMPTY_REATTACHES = 3;

  /**
   * Waits before each reattach after the connection dropped. Short on purpose: a server that is
   * gone must be reported within seconds, not after minutes of retries.
   */
  private static final long[] RECONNECT_BACKOFF_MILLIS = {200, 500, 1000};

  /**
   * When a stop comes before the server answered anything, our ExecutePlan may still be on its way
   * and start the operation after the interrupt found nothing: interrupt again this late.
   */
  private static final long[] LATE_INTERRUPT_MILLIS = {300, 1500};

  private static final Logger LOG = Logger.getLogger(ExecutionStream.class.getName());

  private final ConnectClient client;
  private final ConnectionTimer timer;
  private final long networkTimeoutMillis;
  private final Runnable onNetworkTimeout;
  private final String operationId;
  private final Context.CancellableContext context = Context.current().withCancellation();
  private Iterator<ExecutePlanResponse> responses;
  private String lastResponseId;
  private volatile boolean complete;
  private volatile boolean closed;

  /** True once the server answered, so it knows the operation. */
  private volatile boolean responded;

  /** Why the stream was stopped from outside; thrown to the reader. */
  private volatile SQLException stopReason;

  /** Statement.setQueryTimeout; 0 for none. */
  private int queryTimeoutSeconds;

  /** How much longer the reader may wait for the server before the query timeout fires. */
  private long waitBudgetNanos;

  private DataType sparkSchema;
  private ProgressSink progress;

  private ExecutionStream(SessionLink session, String operationId) {
    this.client = session.client();
    this.timer = session.timer();
    this.networkTimeoutMillis = session.networkTimeoutMillis().getAsInt();
    this.onNetworkTimeout = session.onNetworkTimeout();
    this.operationId = operationId;
  }

  /**
   * Starts the operation. With {@code queryTimeoutSeconds > 0} it is stopped with a {@code
   * SQLTimeoutException} once the statement has waited for the server for {@code budgetMillis} more
   * (what the query timeout leaves; see {@link #awaitNext}).
   */
  static ExecutionStream start(
      SessionLink session,
      Plan plan,
      int queryTimeoutSeconds,
      long budgetMillis,
      ProgressSink progress) {
    ExecutionStream stream = new ExecutionStream(session, ConnectClient.newOperationId());
    stream.progress = progress;
    stream.queryTimeoutSeconds = queryTimeoutSeconds;
    stream.waitBudgetNanos = budgetMillis * 1_000_000L;
    stream.responses = stream.within(() -> stream.client.execute(plan, stream.operationId));
    return stream;
  }

  /** Starts a call inside this stream's context, so that cancelling the context stops it. */
  private Iterator<ExecutePlanResponse> within(Supplier<Iterator<ExecutePlanResponse>> call) {
    Context previous = context.attach();
    try {
      return call.get();
    } finally {
      context.detach(previous);
    }
  }

  @Override
  public String operationId() {
    return operationId;
  }

  /** A listener's failure is the application's bug, not the query's: it must not fail it. */
  private void reportProgress(ExecutePlanResponse.ExecutionProgress message) {
    ProgressSink sink = progress;
    if (sink == null) {
      return;
    }
    try {
      sink.report(operationId, message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The progress listener failed; the statement goes on", e);
    }
  }

  /** The next response, or null once the server said the result is complete. */
  public ExecutePlanResponse next() throws SQLException {
    int emptyReattaches = 0;
    int reconnects = 0;
    while (!complete) {
      checkStopped();
      if (closed) {
        throw SqlErrors.closed("result");
      }
      try {
        if (awaitNext()) {
          ExecutePlanResponse response = responses.next();
          responded = true;
          client.observeServerSession(response.getServerSideSessionId());
          if (!response.getResponseId().isEmpty()) {
            lastResponseId = response.getResponseId();
          }
          if (response.hasExecutionProgress()) {
            reportProgress(response.getExecutionProgress());
          }
          if (response.hasResultComplete()) {
            finish();
            client.releaseExecutionWithoutWaiting(operationId);
            return null;
          }
          return response;
        }
      } catch (StatusRuntimeException e) {
        checkStopped();
        if (closed) {
          // close() or the Cleaner cancelled the call (read-ahead thread): released already
          throw SqlErrors.closed("result");
        }
        if (Thread.currentThread().isInterrupted()) {
          // gRPC gave up waiting because this thread was interrupted: stop the operation too.
          stop(SqlErrors.interrupted());
          checkStopped();
        }
        if (responded
            && isConnectionLoss(e)
            && !isSilentLink(e)
            && reconnects < RECONNECT_BACKOFF_MILLIS.length) {
          pause(RECONNECT_BACKOFF_MILLIS[reconnects++]);
          reattach(e);
          continue;
        }
        finish();
        if (isConnectionLoss(e)) {
          throw connectionLost(e);
        }
        // A failed operation is over, but Spark 4.0 keeps it (state Failed) until it is released;
        // Spark 4.2 forgets it by itself, and the release finds nothing to do
        // (docs/compatibility.md).
        client.releaseExecution(operationId);
        throw client.failure(e);
      }
      if (++emptyReattaches > MAX_EMPTY_REATTACHES) {
        close();
        throw new SQLException(
            "The server kept ending the result stream of operation "
                + operationId
                + " without sending data",
            SqlState.CONNECTION_BROKEN);
      }
      reattach(null);
    }
    checkStopped();
    return null;
  }

  private void reattach(StatusRuntimeException cause) {
    String after = lastResponseId;
    LOG.log(
        Level.FINE,
        cause,
        () -> "Reattaching to operation " + operationId + " after response " + after);
    responses = within(() -> client.reattach(operationId, after));
  }

  /**
   * Waits for the next response, watched by the timeouts. The query timeout is a budget of time
   * spent waiting for the server, summed over the execute call and every later wait for rows: the
   * user's own time between rows does not count, so a result read slowly is not cut, while a server
   * that keeps the reader waiting is. The network timeout bounds each single wait; when it expires
   * the connection is closed, as JDBC asks.
   */
  private boolean awaitNext() {
    Runnable queryWatch = ConnectionTimer.NOTHING;
    Runnable networkWatch = ConnectionTimer.NOTHING;
    long start = System.nanoTime();
    if (queryTimeoutSeconds > 0) {
      queryWatch =
          timer.schedule(
              () -> stop(SqlErrors.queryTimedOut(queryTimeoutSeconds)),
              Math.max(1, waitBudgetNanos / 1_000_000));
    }
    if (networkTimeoutMillis > 0) {
      networkWatch =
          timer.schedule(
              () -> {
                onNetworkTimeout.run();
                stop(SqlErrors.networkTimedOut(client.where(), networkTimeoutMillis));
              },
              networkTimeoutMillis);
    }
    try {
      return responses.hasNext();
    } finally {
      queryWatch.run();
      networkWatch.run();
      waitBudgetNanos -= System.nanoTime() - start;
    }
  }

  /**
   * The transport failed, as opposed to the server reporting an error: the server is gone,
   * restarting or unreachable. Such a stream may be resumed by reattaching.
   */
  private static boolean isConnectionLoss(StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * gRPC's keep-alive ping went unanswered: the path to the server is silent, not closed. A
   * reattach would open a new connection over the same path and wait, without any ping, for a
   * handshake that may never come; so the loss is reported at once instead (08S01).
   */
  private static boolean isSilentLink(StatusRuntimeException e) {
    String what = e.getStatus().getDescription();
    return e.getStatus().getCode() == Status.Code.UNAVAILABLE
        && what != null
        && what.startsWith("Keepalive failed");
  }

  private SQLException connectionLost(StatusRuntimeException e) {
    String what = e.getStatus().getDescription();
    return new SQLTransientConnectionException(
        "Lost the connection to the Spark Connect server at "
            + client.where()
            + " during operation "
            + operationId
            + " ("
            + e.getStatus().getCode()
            + (what == null ? "" : ": " + what)
            + "); the result is incomplete",
        SqlState.COMMUNICATION_LINK_FAILURE,
        e);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public ArrowChunk nextChunk() throws SQLException {
    for (ExecutePlanResponse r = next(); r != null; r = next()) {
      if (r.hasSchema()) {
        sparkSchema = r.getSchema();
      }
      if (r.hasArrowBatch()) {
        return new ArrowChunk(
            r.getArrowBatch().getData().toByteArray(), r.getArrowBatch().getRowCount());
      }
    }
    return null;
  }

  @Override
  public DataType sparkSchema() {
    return sparkSchema;
  }

  /** Throws why the stream was stopped, if it was: a result set checks this on every row. */
  @Override
  public void checkStopped() throws SQLException {
    SQLException reason = stopReason;
    if (reason != null) {
      throw SqlErrors.again(reason);
    }
  }

  /**
   * Stops the operation, from any thread: a reader waiting for the server wakes at once and gets
   * {@code reason}, as does every later read; the server interrupts the operation and drops it.
   * False if the result was already complete (nothing to stop).
   */
  @Override
  public boolean stop(SQLException reason) {
    synchronized (this) {
      if (complete || stopReason != null) {
        return false;
      }
      stopReason = reason;
    }
    context.cancel(null);
    stopOnServer();
    if (!responded) {
      for (long delay : LATE_INTERRUPT_MILLIS) {
        timer.schedule(this::stopOnServer, delay);
      }
    }
    return true;
  }

  private void stopOnServer() {
    try {
      client.interrupt(operationId);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Interrupt failed for operation " + operationId, e);
    }
    client.releaseExecution(operationId);
  }

  private synchronized void finish() {
    complete = true;
    context.cancel(null);
  }

  /** Stops reading; an unfinished operation is released, which also stops it on the server. */
  @Override
  public void close() {
    abandon();
  }

  /**
   * As {@link #close}: the release of an unfinished operation is sent without waiting for the
   * answer, so that closing a result set early (a tool reading the first rows) costs no round trip,
   * and the driver's Cleaner thread, which runs this for every forgotten result set, is not held up
   * by one slow or unreachable server.
   */
  @Override
  public void abandon() {
    if (release()) {
      client.releaseExecutionWithoutWaiting(operationId);
    }
  }

  /** Ends reading and cancels the call; true if the server still holds an unfinished operation. */
  private boolean release() {
    if (closed) {
      return false;
    }
    closed = true;
    boolean unfinished;
    synchronized (this) {
      unfinished = !complete && stopReason == null;
      complete = true;
    }
    context.cancel(null);
    return unfinished;
  }
}

package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.Plan;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The responses of one server operation, pulled lazily. gRPC's blocking iterator asks for one
 * message at a time, so at most one response waits in memory beyond transport buffers. When the
 * server ends a stream before the result is complete (it caps stream duration and size), the
 * stream reattaches and continues after the last response seen, so no row is lost or repeated.
 */
final class ExecutionStream implements ArrowBatchSource {
  /** Reattaching without receiving anything this many times in a row means something is wrong. */
  private static final int MAX_EMPTY_REATTACHES = 3;

  private static final Logger LOG = Logger.getLogger(ExecutionStream.class.getName());

  private final ConnectClient client;
  private final String operationId;
  private final Context.CancellableContext context = Context.current().withCancellation();
  private Iterator<ExecutePlanResponse> responses;
  private String lastResponseId;
  private boolean complete;
  private boolean closed;
  private DataType sparkSchema;

  private ExecutionStream(ConnectClient client, String operationId) {
    this.client = client;
    this.operationId = operationId;
  }

  static ExecutionStream start(ConnectClient client, Plan plan) {
    ExecutionStream stream = new ExecutionStream(client, ConnectClient.newOperationId());
    stream.responses = stream.within(() -> client.execute(plan, stream.operationId));
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

  String operationId() {
    return operationId;
  }

  /** The next response, or null once the server said the result is complete. */
  ExecutePlanResponse next() throws SQLException {
    int emptyReattaches = 0;
    while (!complete) {
      if (closed) {
        throw SqlErrors.closed("result");
      }
      try {
        if (responses.hasNext()) {
          ExecutePlanResponse response = responses.next();
          client.observeServerSession(response.getServerSideSessionId());
          if (!response.getResponseId().isEmpty()) {
            lastResponseId = response.getResponseId();
          }
          if (response.hasResultComplete()) {
            complete = true;
            client.releaseExecution(operationId);
            return null;
          }
          return response;
        }
      } catch (StatusRuntimeException e) {
        complete = true; // a failed operation is over on the server; nothing to release
        context.cancel(null);
        throw SqlErrors.fromGrpc(e, client.where());
      }
      if (++emptyReattaches > MAX_EMPTY_REATTACHES) {
        close();
        throw new SQLException("The server kept ending the result stream of operation "
            + operationId + " without sending data", SqlErrors.CONNECTION_BROKEN);
      }
      String after = lastResponseId;
      LOG.fine(() -> "Reattaching to operation " + operationId + " after response " + after);
      responses = within(() -> client.reattach(operationId, after));
    }
    return null;
  }

  @Override
  public ArrowChunk nextChunk() throws SQLException {
    for (ExecutePlanResponse r = next(); r != null; r = next()) {
      if (r.hasSchema()) {
        sparkSchema = r.getSchema();
      }
      if (r.hasArrowBatch()) {
        return new ArrowChunk(r.getArrowBatch().getData(), r.getArrowBatch().getRowCount());
      }
    }
    return null;
  }

  @Override
  public DataType sparkSchema() {
    return sparkSchema;
  }

  /** Asks the server to stop the operation; safe from any thread. */
  boolean interrupt() throws SQLException {
    return !complete && client.interrupt(operationId);
  }

  /** Stops reading; an unfinished operation is released, which also stops it on the server. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!complete) {
      complete = true;
      context.cancel(null);
      client.releaseExecution(operationId);
    } else {
      context.cancel(null);
    }
  }
}

package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.proto.Plan;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One statement's executions as other threads see them: the hand-over between an execution that is
 * starting or running and a cancel (or abort) that may come at any moment, plus the query timeout's
 * deadline, which starts with the execute call and not with the operation.
 */
public final class ExecutionControl {
  private static final Logger LOG = Logger.getLogger(ExecutionControl.class.getName());

  private final SessionLink session;

  /** Guards the hand-over between a stop and an execution that is starting. */
  private final Object lock = new Object();

  private volatile ExecutionStream running;

  /** True from the start of execute until it returns (translation included). */
  private boolean executing;

  /** A stop that came while executing but before the operation started. */
  private SQLException pendingStop;

  /** When the execution's query timeout ends, in nanoTime; 0 for never. */
  private long deadlineNanos;

  private int timeoutSeconds;
  private volatile String lastOperationId;
  private volatile ProgressSink progress;

  public ExecutionControl(SessionLink session) {
    this.session = session;
  }

  /**
   * Marks an execution as begun, for stops and the query timeout; false if one already was (a
   * nested call), so that only the outermost call ends it.
   */
  public boolean begin(int queryTimeoutSeconds) {
    synchronized (lock) {
      if (executing) {
        return false;
      }
      executing = true;
      pendingStop = null;
      timeoutSeconds = queryTimeoutSeconds;
      deadlineNanos =
          queryTimeoutSeconds > 0 ? System.nanoTime() + queryTimeoutSeconds * 1_000_000_000L : 0;
      return true;
    }
  }

  public void end(boolean outermost) {
    if (outermost) {
      synchronized (lock) {
        executing = false;
        pendingStop = null;
      }
    }
  }

  /**
   * Starts a server operation unless a stop came first; stops reach it from now on. The query
   * timeout's remainder goes with it.
   */
  public ExecutionStream start(Plan plan, int queryTimeoutSeconds) throws SQLException {
    boolean outermost = begin(queryTimeoutSeconds);
    try {
      synchronized (lock) {
        if (pendingStop != null) {
          throw SqlErrors.again(pendingStop);
        }
        long budgetMillis =
            deadlineNanos == 0 ? 0 : Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        ExecutionStream stream =
            ExecutionStream.start(
                session, plan, deadlineNanos == 0 ? 0 : timeoutSeconds, budgetMillis, progress);
        running = stream;
        lastOperationId = stream.operationId();
        return stream;
      }
    } finally {
      end(outermost);
    }
  }

  /** The running operation's result is complete or closed: a stop no longer concerns it. */
  public void detach() {
    running = null;
  }

  /** Stops the running operation (cancel, abort), or the execution about to start one. */
  public void stop(SQLException reason) {
    ExecutionStream current;
    synchronized (lock) {
      current = running;
      if (current == null) {
        if (executing) {
          pendingStop = reason;
          LOG.fine(() -> "Stopped before its operation started: " + reason.getMessage());
        }
        return;
      }
    }
    current.stop(reason);
  }

  /** Takes effect from the next operation this statement starts. */
  public void setProgressSink(ProgressSink sink) {
    progress = sink;
  }

  public Optional<String> lastOperationId() {
    return Optional.ofNullable(lastOperationId);
  }
}

package dev.sparkjdbc.tck.harness;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call running on its own thread, whose outcome a test waits for with a bound: a hang fails the
 * test instead of blocking the build.
 */
public final class Background<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final Thread thread;
  private volatile long finishedNanos;

  private Background(Callable<T> call) {
    thread =
        new Thread(
            () -> {
              T value;
              try {
                value = call.call();
              } catch (Throwable t) {
                finishedNanos = System.nanoTime();
                result.completeExceptionally(t);
                return;
              }
              finishedNanos = System.nanoTime();
              result.complete(value);
            },
            "test-background");
    thread.setDaemon(true);
  }

  public static <T> Background<T> start(Callable<T> call) {
    Background<T> b = new Background<>(call);
    b.thread.start();
    return b;
  }

  public boolean isDone() {
    return result.isDone();
  }

  /** The value, or the failure as thrown by the call; fails after {@code limit}. */
  public T await(Duration limit) throws Throwable {
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("still running after " + limit.toMillis() + " ms", e);
    }
  }

  /** The failure the call ended with; fails if it returned normally or did not end in time. */
  public Throwable failure(Duration limit) {
    try {
      T value = await(limit);
      throw new AssertionError("expected a failure, but the call returned " + value);
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable t) {
      return t;
    }
  }

  /** When the call ended, in System.nanoTime(). */
  public long finishedNanos() {
    return finishedNanos;
  }
}

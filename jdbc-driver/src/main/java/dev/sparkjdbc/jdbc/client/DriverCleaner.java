package dev.sparkjdbc.jdbc.client;

import java.lang.ref.Cleaner;

/**
 * The driver's one {@link Cleaner}: it releases what a result set held (its server operation, its
 * Arrow memory) when the application dropped the result set without closing it.
 *
 * <p>Its thread is made by {@link DriverThreads}, so it carries the driver's class loader, not the
 * loader of whichever application thread opened the first connection. Like the channel threads
 * ({@link ChannelThreads}) it belongs to the open connections: when the last one closes, the driver
 * lets go of the Cleaner, and its thread ends once the garbage collector has found the Cleaner
 * unreachable (a {@code java.lang.ref.Cleaner} thread cannot be ended sooner); the next connection
 * starts a new one.
 */
public final class DriverCleaner {
  private static int users;
  private static Cleaner cleaner;

  private DriverCleaner() {}

  /** A connection starts using the Cleaner; pair with {@link #release}. */
  public static synchronized void acquire() {
    users++;
    current();
  }

  /** A connection that called {@link #acquire} has closed. */
  public static synchronized void release() {
    if (users == 0) {
      throw new IllegalStateException("released more often than acquired");
    }
    if (--users == 0) {
      cleaner = null;
    }
  }

  /**
   * Runs {@code action} once {@code object} is unreachable, unless the returned handle ran it
   * first. {@code action} must not refer to {@code object}, or {@code object} never becomes
   * unreachable.
   */
  public static synchronized Cleaner.Cleanable register(Object object, Runnable action) {
    return current().register(object, action);
  }

  private static Cleaner current() {
    if (cleaner == null) {
      cleaner = Cleaner.create(task -> DriverThreads.create(task, "sparkjdbc-cleaner"));
    }
    return cleaner;
  }
}

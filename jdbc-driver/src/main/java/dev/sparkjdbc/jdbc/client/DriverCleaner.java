package dev.sparkjdbc.jdbc.client;

import java.lang.ref.Cleaner;

/**
 * The driver's one {@link Cleaner}: it releases what a result set held (its server operation, its
 * Arrow memory) when the application dropped the result set without closing it.
 *
 * <p>Like the channel threads ({@link ChannelThreads}) it belongs to the open connections: when the
 * last one closes, the driver lets go of it. A {@code java.lang.ref.Cleaner}'s thread cannot be
 * ended on demand, though: it ends only once the garbage collector has found the Cleaner
 * unreachable. So its thread is not a {@link DriverThreads} one, which would carry the driver's
 * class loader (in an app server often the web application's) until that collection: it is the
 * JDK's own innocuous thread ({@code Cleaner-N}), whose context class loader is the system one and
 * which inherits nothing from the thread that opened the first connection. Closing a connection
 * runs the actions of all its results, so once the last one closed the Cleaner holds nothing of the
 * driver's.
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
      cleaner = Cleaner.create();
    }
    return cleaner;
  }
}

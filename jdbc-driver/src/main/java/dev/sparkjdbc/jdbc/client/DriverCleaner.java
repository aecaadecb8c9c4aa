package dev.sparkjdbc.jdbc.client;

import java.lang.ref.Cleaner;

/**
 * The driver's one {@link Cleaner}: it releases what a result set held (its server operation, its
 * Arrow memory) when the application dropped the result set without closing it.
 *
 * <p>A {@code java.lang.ref.Cleaner}'s thread cannot be ended on demand: it ends only once the
 * garbage collector has found the Cleaner unreachable. Making one per connection (or dropping it
 * when the last connection closes, as {@link ChannelThreads} does) would leave a thread behind per
 * connect and close until the next collection, so the driver keeps one for as long as its classes
 * are loaded. Its thread is therefore not a {@link DriverThreads} one, which would carry the
 * driver's class loader (in an app server often the web application's) and so keep it loaded: it is
 * the JDK's own innocuous thread ({@code Cleaner-N}), whose context class loader is the system one
 * and which inherits nothing from the application thread that loaded the driver. Once the driver's
 * classes are unloaded the Cleaner is unreachable and its thread ends at the next collection; while
 * they are loaded it holds nothing of the driver's but the actions of result sets still open
 * (closing a connection runs all of its own).
 */
public final class DriverCleaner {
  private static final Cleaner CLEANER = Cleaner.create();

  private DriverCleaner() {}

  /**
   * Runs {@code action} once {@code object} is unreachable, unless the returned handle ran it
   * first. {@code action} must not refer to {@code object}, or {@code object} never becomes
   * unreachable.
   */
  public static Cleaner.Cleanable register(Object object, Runnable action) {
    return CLEANER.register(object, action);
  }
}

package dev.sparkjdbc.jdbc.client;

import java.util.concurrent.ThreadFactory;

/**
 * Every thread the driver starts, gRPC's included: a daemon whose context class loader is the
 * driver's own. A new thread inherits the context class loader of the thread that starts it, which
 * in an app server is often a web application's; a driver thread carrying it would pin that
 * application's classes after undeploy, and Tomcat reports it as a leak.
 */
public final class DriverThreads {
  private static final ClassLoader DRIVER_LOADER = DriverThreads.class.getClassLoader();

  private DriverThreads() {}

  /** A started daemon thread named {@code name} (which starts with {@code sparkjdbc-}). */
  public static Thread start(Runnable task, String name) {
    Thread thread = create(task, name);
    thread.start();
    return thread;
  }

  /** An unstarted daemon thread named {@code name}. */
  public static Thread create(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    return adopt(thread);
  }

  /** {@code factory}'s threads, made daemons with the driver's context class loader. */
  static ThreadFactory adopting(ThreadFactory factory) {
    return task -> adopt(factory.newThread(task));
  }

  private static Thread adopt(Thread thread) {
    thread.setDaemon(true);
    thread.setContextClassLoader(DRIVER_LOADER);
    return thread;
  }
}

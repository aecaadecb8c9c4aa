package dev.sparkjdbc.tck.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One {@link StandaloneCluster} for a whole test class: started before its first test, stopped
 * after its last one whatever happened, given to tests as a parameter. When a test fails, the tails
 * of the cluster's logs are printed, since the cause is often in a process other than the test's.
 */
final class StandaloneClusterExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StandaloneClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context).put("started", System.nanoTime());
    // A cluster that fails to start has stopped what it started and thrown with the logs' tails.
    store(context).put(StandaloneCluster.class, StandaloneCluster.start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    StandaloneCluster cluster =
        store(context).remove(StandaloneCluster.class, StandaloneCluster.class);
    if (cluster != null) {
      cluster.close();
    }
    Long started = store(context).get("started", Long.class);
    System.out.printf(
        "[StandaloneCluster] %s: wall time %,d ms, cluster start and stop included%n",
        context.getDisplayName(), (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StandaloneCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    StandaloneCluster cluster = cluster(context);
    if (cluster != null) {
      System.out.println(
          "[StandaloneCluster] " + context.getDisplayName() + " failed; " + cluster.diagnostics());
    }
  }

  private static StandaloneCluster cluster(ExtensionContext context) {
    return store(context).get(StandaloneCluster.class, StandaloneCluster.class);
  }

  /** Put in the class's store by beforeAll; a test method's store finds it in its parent. */
  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}

package dev.sparkjdbc.tck.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link SparkConnectServer} parameter. One server serves the whole test run: it is
 * started on first use and kept in the root context's store, which closes it when the run ends.
 */
public final class SparkConnectServerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SparkConnectServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkConnectServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  /** The shared server if a test already started it, else null; never starts one. */
  static synchronized SparkConnectServer sharedIfStarted(ExtensionContext context) {
    try {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .get(SparkConnectServer.class, SparkConnectServer.class);
    } catch (RuntimeException failedToStart) {
      return null; // the store rethrows the failure of the start; the test that started it saw it
    }
  }

  private static synchronized SparkConnectServer server(ExtensionContext context) {
    // An AutoCloseable in the root store is closed when the whole run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SparkConnectServer.class, key -> SparkConnectServer.start(), SparkConnectServer.class);
  }
}

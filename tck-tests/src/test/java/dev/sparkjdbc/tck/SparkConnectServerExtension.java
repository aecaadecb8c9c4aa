package dev.sparkjdbc.tck;

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

  private static synchronized SparkConnectServer server(ExtensionContext context) {
    // An AutoCloseable in the root store is closed when the whole run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SparkConnectServer.class, key -> SparkConnectServer.start(),
            SparkConnectServer.class);
  }
}

package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Set;
import java.util.logging.Logger;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Rebuilds a {@link SparkConnectDataSource} or {@link SparkConnectConnectionPoolDataSource} from
 * the JNDI {@link Reference} its {@code getReference()} made, or from one an app server configured
 * (Tomcat's {@code <Resource factory="dev.sparkjdbc.jdbc.SparkConnectDataSourceFactory"
 * type="dev.sparkjdbc.jdbc.SparkConnectDataSource" serverName="…" portNumber="…" useSsl="true"/>}):
 * each address whose type is a bean property name sets that property. Other addresses are ignored:
 * a container's own attributes ({@code auth}, {@code type}…) silently, any other name with a logged
 * warning (and the nearest property name, for a typo).
 */
public final class SparkConnectDataSourceFactory implements ObjectFactory {
  private static final Logger LOG = Logger.getLogger(SparkConnectDataSourceFactory.class.getName());

  /** Attributes containers put into references of their own: never a typo. */
  private static final Set<String> CONTAINER_ATTRIBUTES =
      Set.of("auth", "type", "factory", "scope", "singleton", "closeMethod", "name", "global");

  public SparkConnectDataSourceFactory() {}

  /** Null for references to other classes, as JNDI expects of a factory. */
  @Override
  public Object getObjectInstance(
      Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) throws Exception {
    if (!(obj instanceof Reference reference)) {
      return null;
    }
    SparkConnectDataSource dataSource;
    if (reference.getClassName().equals(SparkConnectDataSource.class.getName())) {
      dataSource = new SparkConnectDataSource();
    } else if (reference
        .getClassName()
        .equals(SparkConnectConnectionPoolDataSource.class.getName())) {
      dataSource = new SparkConnectConnectionPoolDataSource();
    } else {
      return null;
    }
    Enumeration<RefAddr> addresses = reference.getAll();
    while (addresses.hasMoreElements()) {
      RefAddr address = addresses.nextElement();
      Object content = address.getContent();
      String type = address.getType();
      if (!dataSource.setFromText(type, content == null ? null : content.toString())
          && !CONTAINER_ATTRIBUTES.contains(type)) {
        LOG.warning(
            "The JNDI reference attribute '"
                + type
                + "' is no property of "
                + reference.getClassName()
                + "; ignored"
                + ConnectionProperty.nearest(type)
                    .map(p -> " (did you mean '" + p.beanName() + "'?)")
                    .orElse(""));
      }
    }
    return dataSource;
  }
}

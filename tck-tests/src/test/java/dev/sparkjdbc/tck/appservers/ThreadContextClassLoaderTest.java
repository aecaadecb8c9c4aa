package dev.sparkjdbc.tck.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An app server runs each application's requests with the application's class loader as the
 * thread's context class loader, while the driver usually sits in the server's own lib folder. A
 * thread the driver starts from such a request must not carry the application's loader, or it pins
 * the application's classes after undeploy (Tomcat then warns that the application "started a
 * thread … but has failed to stop it"). Here a plain thread with a fresh class loader stands in for
 * the request.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ThreadContextClassLoaderTest {

  @Test
  void noDriverThreadCarriesTheApplicationsClassLoader(SparkConnectServer server) throws Exception {
    ClassLoader application =
        new URLClassLoader("application", new URL[0], getClass().getClassLoader());
    AtomicReference<List<String>> carrying = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread request =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(server.url());
                  Statement s = c.createStatement()) {
                s.setQueryTimeout(60); // starts the connection's timer thread
                try (ResultSet rs = s.executeQuery("SELECT id FROM range(200000)")) {
                  long sum = 0;
                  while (rs.next()) {
                    sum += rs.getLong(1);
                  }
                  assertThat(sum).isEqualTo(200_000L * 199_999L / 2);
                }
                carrying.set(threadsCarrying(application, Thread.currentThread()));
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "application-request");
    request.setContextClassLoader(application);
    request.start();
    request.join();
    assertThat(failure.get()).isNull();
    assertThat(carrying.get()).isEmpty();
  }

  private static List<String> threadsCarrying(ClassLoader loader, Thread except) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t != except && t.isAlive() && t.getContextClassLoader() == loader)
        .map(Thread::getName)
        .sorted()
        .toList();
  }
}

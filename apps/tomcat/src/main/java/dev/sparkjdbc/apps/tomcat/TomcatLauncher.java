package dev.sparkjdbc.apps.tomcat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Starts embedded Tomcat with JNDI naming and one web application whose resources come from a
 * context.xml file, as a Tomcat installation reads an application's {@code META-INF/context.xml}.
 *
 * <p>Arguments: {@code <port> <context.xml> <work dir>}; port 0 picks a free one. Prints {@code
 * Tomcat ready on port N} once the application is up, and stops when its standard input closes, so
 * that it never outlives the test that started it.
 */
public final class TomcatLauncher {
  static final String READY = "Tomcat ready on port ";

  private TomcatLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: TomcatLauncher <port> <context.xml> <work dir>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path contextXml = Path.of(args[1]).toAbsolutePath();
    Path work = Files.createDirectories(Path.of(args[2]).toAbsolutePath());

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(work.toString());
    tomcat.setPort(port);
    tomcat.getConnector().setProperty("address", "127.0.0.1"); // the query servlet is a test tool
    tomcat.enableNaming(); // java:comp/env, which plain embedded Tomcat leaves off
    // No default servlets: this Tomcat has no JSP engine to load.
    tomcat.setAddDefaultWebXmlToWebapp(false);

    Path docBase = Files.createDirectories(work.resolve("webapp"));
    // A ContextConfig, unlike addContext's fixed listener, reads the context's config file.
    Context context =
        tomcat.addWebapp(tomcat.getHost(), "", docBase.toString(), new ContextConfig());
    context.setConfigFile(contextXml.toUri().toURL());
    // The classpath holds only Tomcat, the driver and this class: nothing to scan for fragments.
    StandardJarScanner scanner = new StandardJarScanner();
    scanner.setScanClassPath(false);
    scanner.setScanManifest(false);
    context.setJarScanner(scanner);

    Tomcat.addServlet(context, "query", new QueryServlet());
    context.addServletMappingDecoded("/query", "query");

    tomcat.start();
    if (context.getState() != LifecycleState.STARTED) {
      System.err.println("the web application did not start: " + context.getState());
      tomcat.stop();
      tomcat.destroy();
      System.exit(1);
    }
    System.out.println(READY + tomcat.getConnector().getLocalPort());
    System.out.flush();

    awaitEndOfInput(System.in);
    tomcat.stop(); // closes the DBCP pool through the resource's closeMethod
    tomcat.destroy();
    System.exit(0);
  }

  private static void awaitEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // nothing is read from it; only its end matters
      }
    } catch (IOException e) {
      // the parent is gone as well
    }
  }
}

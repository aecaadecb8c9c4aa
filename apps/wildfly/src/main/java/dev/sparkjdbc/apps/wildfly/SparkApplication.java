package dev.sparkjdbc.apps.wildfly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the resources of this package under {@code /api}; WildFly finds them by scanning. */
@ApplicationPath("/api")
public class SparkApplication extends Application {}

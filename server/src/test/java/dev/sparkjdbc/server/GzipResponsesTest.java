package dev.sparkjdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sparkproject.connect.grpc.ServerInterceptor;

class GzipResponsesTest {

  /**
   * What Spark's interceptor registry needs of a class named in {@code
   * spark.connect.grpc.interceptor.classes}: loadable by name, of the shaded interceptor type, with
   * a public no-argument constructor.
   */
  @Test
  void loadsAsSparkLoadsConfiguredInterceptors() throws Exception {
    Class<?> loaded =
        Class.forName(
            "dev.sparkjdbc.server.GzipResponses",
            true,
            Thread.currentThread().getContextClassLoader());
    assertThat(ServerInterceptor.class.isAssignableFrom(loaded)).isTrue();
    assertThat(loaded.getConstructor().newInstance()).isInstanceOf(ServerInterceptor.class);
  }
}

package dev.sparkjdbc.server;

import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;

/**
 * gRPC message compression (gzip) of query results, for a server started with {@code --conf
 * spark.connect.grpc.interceptor.classes=dev.sparkjdbc.server.GzipResponses}. Spark's server never
 * compresses responses by itself; grpc-java does once the call asks for it before its headers go
 * out, and only if the client's {@code grpc-accept-encoding} lists gzip (grpc-java clients list it
 * by default). Only ExecutePlan and ReattachExecute carry results worth compressing; the small
 * answers of the other calls would only pay the compressor's cost. Compiled against the gRPC that
 * Spark shades inside spark-connect, which is the interface Spark loads interceptors as.
 */
public final class GzipResponses implements ServerInterceptor {
  /** Spark instantiates interceptors through a public no-argument constructor. */
  public GzipResponses() {}

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    if ("ExecutePlan".equals(method) || "ReattachExecute".equals(method)) {
      call.setCompression("gzip");
    }
    return next.startCall(call, headers);
  }
}

package dev.sparkjdbc.jdbc.client;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.util.internal.logging.AbstractInternalLogger;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLogger;
import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.Log4J2LoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.Log4JLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.Slf4JLoggerFactory;

/**
 * gRPC's Netty writes its HTTP/2 frame log, request headers and so the {@code authorization} header
 * included, through whichever logging Netty found: SLF4J (and so the application's Logback, Log4j
 * 2, slf4j-simple …), Log4j, or java.util.logging. Only the last passes the driver's filter ({@link
 * TransportSecurity.FrameLogRedaction}); an SLF4J provider at DEBUG printed the token. This factory
 * sits in front of the one Netty chose and gives the frame logger a wrapper that hides the secrets
 * before any backend sees the message; every other logger is the chosen factory's own, untouched.
 *
 * <p>In the standalone jar this Netty is the driver's private copy. With the thin jar it is
 * grpc-netty-shaded's, which an application's own gRPC clients share: their frame logs get the same
 * redaction and nothing else changes. The application's own (unshaded) Netty is never touched.
 */
final class RedactingNettyLoggers extends InternalLoggerFactory {
  /** The logger of gRPC's NettyClientHandler, where Netty's Http2FrameLogger writes. */
  static final String FRAME_LOGGER =
      NettyChannelBuilder.class.getPackageName() + ".NettyClientHandler";

  private final InternalLoggerFactory chosen;

  private RedactingNettyLoggers(InternalLoggerFactory chosen) {
    this.chosen = chosen;
  }

  /**
   * Puts the redaction in front of Netty's logger factory, unless it is there already; called for
   * every connection, before its transport (and so its frame logger) exists, so a factory an
   * application set since is wrapped too. A factory of unknown type is left alone (the JUL filter
   * still applies when it logs to java.util.logging): Netty lets only its own four be asked for a
   * logger from outside.
   */
  static synchronized void install() {
    InternalLoggerFactory current = InternalLoggerFactory.getDefaultFactory();
    if (!(current instanceof RedactingNettyLoggers) && lendsLoggers(current)) {
      InternalLoggerFactory.setDefaultFactory(new RedactingNettyLoggers(current));
    }
  }

  /** Netty's own factories, whose newInstance is public. */
  private static boolean lendsLoggers(InternalLoggerFactory factory) {
    return factory instanceof Slf4JLoggerFactory
        || factory instanceof JdkLoggerFactory
        || factory instanceof Log4J2LoggerFactory
        || factory instanceof Log4JLoggerFactory;
  }

  @Override
  protected InternalLogger newInstance(String name) {
    InternalLogger logger;
    if (chosen instanceof Slf4JLoggerFactory slf4j) {
      logger = slf4j.newInstance(name);
    } else if (chosen instanceof JdkLoggerFactory jdk) {
      logger = jdk.newInstance(name);
    } else if (chosen instanceof Log4J2LoggerFactory log4j2) {
      logger = log4j2.newInstance(name);
    } else {
      logger = ((Log4JLoggerFactory) chosen).newInstance(name);
    }
    return name.equals(FRAME_LOGGER) ? new Redacting(logger) : logger;
  }

  /**
   * Passes every call on with the message and each argument redacted; an argument whose text holds
   * no secret is passed as it is. The frame logger checks its level before building a message, so
   * this costs nothing when frame logging is off.
   */
  private static final class Redacting extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;
    private final transient InternalLogger next;

    Redacting(InternalLogger next) {
      super(next.name());
      this.next = next;
    }

    private static String text(String message) {
      return TransportSecurity.FrameLogRedaction.redact(message);
    }

    private static Object shown(Object argument) {
      if (argument == null || argument instanceof Throwable) {
        return argument;
      }
      String text = String.valueOf(argument);
      String redacted = text(text);
      return redacted.equals(text) ? argument : redacted;
    }

    private static Object[] shown(Object... arguments) {
      if (arguments == null) {
        return null;
      }
      Object[] result = arguments.clone();
      for (int i = 0; i < result.length; i++) {
        result[i] = shown(result[i]);
      }
      return result;
    }

    @Override
    public boolean isTraceEnabled() {
      return next.isTraceEnabled();
    }

    @Override
    public void trace(String msg) {
      next.trace(text(msg));
    }

    @Override
    public void trace(String format, Object arg) {
      next.trace(text(format), shown(arg));
    }

    @Override
    public void trace(String format, Object a, Object b) {
      next.trace(text(format), shown(a), shown(b));
    }

    @Override
    public void trace(String format, Object... arguments) {
      next.trace(text(format), shown(arguments));
    }

    @Override
    public void trace(String msg, Throwable t) {
      next.trace(text(msg), t);
    }

    @Override
    public boolean isDebugEnabled() {
      return next.isDebugEnabled();
    }

    @Override
    public void debug(String msg) {
      next.debug(text(msg));
    }

    @Override
    public void debug(String format, Object arg) {
      next.debug(text(format), shown(arg));
    }

    @Override
    public void debug(String format, Object a, Object b) {
      next.debug(text(format), shown(a), shown(b));
    }

    @Override
    public void debug(String format, Object... arguments) {
      next.debug(text(format), shown(arguments));
    }

    @Override
    public void debug(String msg, Throwable t) {
      next.debug(text(msg), t);
    }

    @Override
    public boolean isInfoEnabled() {
      return next.isInfoEnabled();
    }

    @Override
    public void info(String msg) {
      next.info(text(msg));
    }

    @Override
    public void info(String format, Object arg) {
      next.info(text(format), shown(arg));
    }

    @Override
    public void info(String format, Object a, Object b) {
      next.info(text(format), shown(a), shown(b));
    }

    @Override
    public void info(String format, Object... arguments) {
      next.info(text(format), shown(arguments));
    }

    @Override
    public void info(String msg, Throwable t) {
      next.info(text(msg), t);
    }

    @Override
    public boolean isWarnEnabled() {
      return next.isWarnEnabled();
    }

    @Override
    public void warn(String msg) {
      next.warn(text(msg));
    }

    @Override
    public void warn(String format, Object arg) {
      next.warn(text(format), shown(arg));
    }

    @Override
    public void warn(String format, Object a, Object b) {
      next.warn(text(format), shown(a), shown(b));
    }

    @Override
    public void warn(String format, Object... arguments) {
      next.warn(text(format), shown(arguments));
    }

    @Override
    public void warn(String msg, Throwable t) {
      next.warn(text(msg), t);
    }

    @Override
    public boolean isErrorEnabled() {
      return next.isErrorEnabled();
    }

    @Override
    public void error(String msg) {
      next.error(text(msg));
    }

    @Override
    public void error(String format, Object arg) {
      next.error(text(format), shown(arg));
    }

    @Override
    public void error(String format, Object a, Object b) {
      next.error(text(format), shown(a), shown(b));
    }

    @Override
    public void error(String format, Object... arguments) {
      next.error(text(format), shown(arguments));
    }

    @Override
    public void error(String msg, Throwable t) {
      next.error(text(msg), t);
    }
  }
}

package dev.sparkjdbc.tck.faults;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What the bad-input tests ({@link FuzzedUrlsAndPropertiesTest}, {@link HostileSqlTest}, {@link
 * HostileSetterArgumentsTest}, {@link HostileMethodArgumentsTest}) share: the one rule they all
 * check, that hostile input never escapes as anything but an {@link SQLException} with a message a
 * person can act on and a SQLSTATE, and the bounded waits and printable excerpts they report with.
 * Each fuzz test collects every misbehaving input and reports them together.
 */
final class BadInput {
  /** Per attempt (a connect, a reflective call): a hang is reported, not waited out. */
  static final long ATTEMPT_SECONDS = 30;

  private BadInput() {}

  /** A call whose answer, if any, the caller judges inside it. */
  @FunctionalInterface
  interface Attempt {
    void run() throws Exception;
  }

  /** Null when {@code e} has a message and a 5-character SQLSTATE; otherwise what it lacks. */
  static String messageProblem(String what, SQLException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank() || m.equals("null")) {
      return what + " threw an SQLException without a message: " + e;
    }
    if (e.getSQLState() == null || e.getSQLState().length() != 5) {
      return what + " threw an SQLException without a 5-character SQLSTATE: " + e;
    }
    return null;
  }

  /**
   * Runs {@code attempt}, which may answer (judged inside it) or throw a proper SQLException. An
   * SQLException without a message or SQLSTATE, or anything else thrown, goes to {@code failures};
   * a reflective call counts by what the method itself threw. Returns the SQLException when it was
   * a proper one, for callers that check more of it; else null.
   */
  static SQLException answerOrSqlException(List<String> failures, String what, Attempt attempt) {
    Throwable thrown;
    try {
      attempt.run();
      return null;
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    } catch (Throwable t) {
      thrown = t;
    }
    if (!(thrown instanceof SQLException sql)) {
      failures.add(what + ": threw " + ConcurrencyTest.stack(thrown));
      return null;
    }
    String problem = messageProblem(what, sql);
    if (problem != null) {
      failures.add(problem);
      return null;
    }
    return sql;
  }

  /**
   * Runs {@code check} on {@code pool} and waits at most {@link #ATTEMPT_SECONDS} for what it
   * returns (null: it behaved; else the problem). A hang, or a check that fails itself, is returned
   * as the problem instead.
   */
  static String withinAttemptLimit(ExecutorService pool, String what, Callable<String> check) {
    Future<String> f = pool.submit(check);
    try {
      return f.get(ATTEMPT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return what + ": no answer within " + ATTEMPT_SECONDS + " s";
    } catch (ExecutionException e) {
      return what + ": " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return what + ": interrupted";
    }
  }

  /** {@code name(SimpleType,…)}: how failures and skip lists name a method. */
  static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  /** Printable: control characters and surrogates as \\uXXXX, long strings shortened. */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    s.chars()
        .limit(200)
        .forEach(
            ch -> {
              if (ch < 0x20 || Character.isSurrogate((char) ch) || ch == 0x7f) {
                out.append(String.format("\\u%04x", ch));
              } else {
                out.append((char) ch);
              }
            });
    return s.length() > 200 ? out + "… (" + s.length() + " chars)" : out.toString();
  }

  static String excerpt(String s) {
    return escape(s);
  }
}

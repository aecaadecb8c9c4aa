package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.client.ConnectClient;
import dev.sparkjdbc.jdbc.config.Compression;
import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@code compression} property applied to the session on connect: one Config Set of Spark's
 * codec (and zstd level), plus a Config IsModifiable of the codec's key, both sent without waiting
 * so that connecting costs no round trip more. Spark sets an unknown {@code spark.sql.*} key
 * without complaint (Spark 4.0 has no such conf and ignores it), which IsModifiable reveals: it is
 * false for a key the server does not know. What went wrong becomes warnings on the connection,
 * never a connect failure: the results are then merely uncompressed.
 *
 * <p>gRPC calls on one connection are not ordered on the server, so a first query that overtakes
 * the Set may still come back uncompressed; the results decode either way (each Arrow IPC message
 * says its own codec).
 */
final class SessionCompression {
  /** Warnings known on connect, reported at once. */
  private List<SQLWarning> immediate;

  /** Warnings from the server's answers, reported once they are in. */
  private final CompletableFuture<List<SQLWarning>> answered;

  private boolean answersReported;

  private SessionCompression(
      List<SQLWarning> immediate, CompletableFuture<List<SQLWarning>> answered) {
    this.immediate = immediate;
    this.answered = answered;
  }

  /** Starts what {@code config} asks of the session; nothing for {@code compression=server}. */
  static SessionCompression apply(ConnectionConfig config, ConnectClient client) {
    List<SQLWarning> now = new ArrayList<>();
    Compression asked = config.compression();
    // auto is the default: it stays quiet where the user asked nothing (a server without the conf
    // merely sends uncompressed results, as before)
    boolean quiet = asked == Compression.AUTO;
    Compression compression = asked.resolve(config.host(), config.namesSession());
    if (config.compressionLevel().isPresent() && compression != Compression.ZSTD) {
      now.add(
          new SQLWarning(
              "compression_level is ignored: it applies to compression=zstd only",
              SqlState.WARNING));
    }
    if (compression.sparkCodec().isEmpty()) {
      return new SessionCompression(now, CompletableFuture.completedFuture(List.of()));
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put(Compression.CODEC_CONF, compression.sparkCodec().get());
    if (compression == Compression.ZSTD) {
      config
          .compressionLevel()
          .ifPresent(level -> pairs.put(Compression.ZSTD_LEVEL_CONF, Integer.toString(level)));
    }
    CompletableFuture<List<String>> set = client.setConfigAsync(pairs);
    CompletableFuture<Boolean> known = client.isModifiableAsync(Compression.CODEC_CONF);
    String what = "compression=" + asked.name().toLowerCase(Locale.ROOT);
    CompletableFuture<List<SQLWarning>> all =
        set.handle(
                (serverWarnings, error) -> {
                  List<SQLWarning> out = new ArrayList<>();
                  if (error != null) {
                    out.add(failed(what, error));
                  } else {
                    for (String w : serverWarnings) {
                      out.add(new SQLWarning(what + ": the server warns: " + w, SqlState.WARNING));
                    }
                  }
                  return out;
                })
            .thenCombine(
                known.handle((modifiable, error) -> error != null || modifiable),
                (out, modifiable) -> {
                  if (quiet) {
                    // nothing asked, nothing to warn about: results merely come uncompressed
                    return new ArrayList<SQLWarning>();
                  }
                  if (!modifiable) {
                    out.add(
                        new SQLWarning(
                            what
                                + " has no effect: the server does not know "
                                + Compression.CODEC_CONF
                                + " (Spark before 4.1), so results come uncompressed",
                            SqlState.WARNING));
                  }
                  return out;
                });
    return new SessionCompression(now, all);
  }

  /** A warning (SQLSTATE class 01) whose cause is the server's error, with its own state. */
  private static SQLWarning failed(String what, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    SQLWarning w =
        new SQLWarning(
            what + " could not be set on the session: " + cause.getMessage(), SqlState.WARNING);
    w.initCause(cause);
    return w;
  }

  /**
   * The warnings not reported yet: those known on connect, and the server's once it has answered
   * (until then a later call reports them).
   */
  synchronized List<SQLWarning> takeWarnings() {
    List<SQLWarning> out = new ArrayList<>(immediate);
    immediate = List.of();
    if (!answersReported && answered.isDone()) {
      answersReported = true;
      out.addAll(answered.getNow(List.of()));
    }
    return out;
  }
}

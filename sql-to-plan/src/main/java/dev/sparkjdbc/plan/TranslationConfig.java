package dev.sparkjdbc.plan;

import java.util.Objects;

/**
 * How {@link SqlToPlan} reads SQL and what it does with statements it cannot translate.
 *
 * @param quoting the identifier quote: back-ticks as in Spark (default) or ANSI double quotes
 * @param mode translate with fallback (default), strict, or text only
 * @param session the Spark session's settings that change how Spark reads SQL
 */
public record TranslationConfig(Quoting quoting, Mode mode, SessionSettings session) {

  /** Identifier quoting of the client's SQL. */
  public enum Quoting {
    /** {@code `name`}, Spark's quoting; double quotes then delimit strings, as in Spark. */
    BACK_TICK,
    /** {@code "name"}, ANSI SQL quoting. */
    DOUBLE_QUOTE
  }

  /** What happens to a query the translator cannot express. */
  public enum Mode {
    /** Translate; send what cannot be translated to Spark as SQL text. */
    TRANSLATE,
    /** Translate; a query that cannot be translated is an error naming the construct. */
    STRICT,
    /** Never translate: every statement goes to Spark as SQL text. */
    TEXT
  }

  public static final TranslationConfig DEFAULT =
      new TranslationConfig(Quoting.BACK_TICK, Mode.TRANSLATE);

  public TranslationConfig {
    Objects.requireNonNull(quoting, "quoting");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(session, "session");
  }

  /** With Spark's default session settings. */
  public TranslationConfig(Quoting quoting, Mode mode) {
    this(quoting, mode, SessionSettings.DEFAULT);
  }

  public TranslationConfig withMode(Mode newMode) {
    return new TranslationConfig(quoting, newMode, session);
  }

  public TranslationConfig withSession(SessionSettings newSession) {
    return new TranslationConfig(quoting, mode, newSession);
  }
}

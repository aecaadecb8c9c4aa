package dev.sparkjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.plan.SessionSettings;
import org.junit.jupiter.api.Test;

class SessionSqlSettingsTest {
  @Test
  void followsSetAndResetOfTheKeysThatChangeHowSparkReadsSql() {
    SessionSqlSettings s = new SessionSqlSettings();
    assertThat(s.settings()).isEqualTo(SessionSettings.DEFAULT);

    assertThat(s.apply("SET spark.sql.legacy.setopsPrecedence.enabled=true")).isTrue();
    assertThat(s.settings().legacySetOpsPrecedence()).isTrue();

    assertThat(s.apply("/* c */ set `spark.sql.ansi.enabled` = FALSE ;")).isTrue();
    assertThat(s.settings().ansi()).isFalse();

    assertThat(s.apply("SET spark.sql.ansi.doubleQuotedIdentifiers=true")).isTrue();
    assertThat(s.settings().doubleQuotesAreNames()).isFalse(); // only with ANSI on

    assertThat(s.apply("RESET spark.sql.ansi.enabled")).isTrue();
    assertThat(s.settings().doubleQuotesAreNames()).isTrue();

    assertThat(s.apply("-- all of them\nRESET")).isTrue();
    assertThat(s.settings()).isEqualTo(SessionSettings.DEFAULT);
  }

  @Test
  void otherStatementsAndKeysChangeNothing() {
    SessionSqlSettings s = new SessionSqlSettings();
    assertThat(s.apply("SET spark.sql.session.timeZone=UTC")).isFalse();
    assertThat(s.apply("SET spark.sql.ansi.enabled")).isFalse(); // shows the value
    assertThat(s.apply("SET")).isFalse();
    assertThat(s.apply("SELECT 'SET spark.sql.caseSensitive=true'")).isFalse();
    assertThat(s.apply("SET spark.sql.CASESENSITIVE=true")).isFalse(); // keys are case-sensitive
    assertThat(s.settings()).isEqualTo(SessionSettings.DEFAULT);
  }

  @Test
  void aValueThatIsNoBooleanKeepsTheTranslatorCareful() {
    SessionSqlSettings s = new SessionSqlSettings();
    assertThat(s.apply("SET spark.sql.caseSensitive=${flag}")).isTrue();
    assertThat(s.settings().caseSensitive()).isTrue();
  }
}

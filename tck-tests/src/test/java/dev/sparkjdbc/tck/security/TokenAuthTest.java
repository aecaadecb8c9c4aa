package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token authentication against a server started with {@code --token}: the right token works from
 * the URL, from the {@code token} property and as the password of user {@code token} (what BI tools
 * with only user/password fields send); a missing or wrong one is refused with SQLSTATE 28000 and a
 * message that says what to set and never shows a token.
 */
@ExtendWith(SecuredServerExtension.class)
class TokenAuthTest {

  @Test
  void tokenInTheUrl(SecuredServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url() + "/;token=" + server.token())) {
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  @Test
  void tokenProperty(SecuredServer server) throws SQLException {
    Properties p = new Properties();
    p.setProperty("token", server.token());
    try (Connection c = DriverManager.getConnection(server.url(), p)) {
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  @Test
  void passwordOfUserToken(SecuredServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url(), "token", server.token())) {
      assertThat(selectOne(c)).isEqualTo(1);
    }
  }

  /** Every RPC carries the token, not just the first: queries, metadata, prepared statements. */
  @Test
  void everyCallOfASessionIsAuthenticated(SecuredServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url() + "/;token=" + server.token())) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet schemas = meta.getSchemas()) {
        assertThat(schemas.next()).isTrue();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
        ps.setInt(1, 41);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(42);
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM range(100000)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(100000L);
      }
      assertThat(c.isValid(10)).isTrue();
    }
  }

  @Test
  void missingTokenIsRefusedWith28000(SecuredServer server) {
    SQLException e = refused(server.url(), new Properties());
    assertThat(e.getMessage()).contains("token").doesNotContain(server.token());
  }

  @Test
  void wrongTokenIsRefusedWith28000(SecuredServer server) {
    String wrong = "wrong-" + server.token().substring(4, 16);
    SQLException e = refused(server.url() + "/;token=" + wrong, new Properties());
    assertThat(e.getMessage())
        .contains("token")
        .doesNotContain(wrong)
        .doesNotContain(server.token());
  }

  @Test
  void wrongTokenPropertyOrPasswordIsRefusedWith28000(SecuredServer server) {
    String wrong = "bad-" + server.token().substring(4, 16);
    Properties token = new Properties();
    token.setProperty("token", wrong);
    assertThat(refused(server.url(), token).getMessage()).doesNotContain(wrong);
    Properties password = new Properties();
    password.setProperty("user", "token");
    password.setProperty("password", wrong);
    assertThat(refused(server.url(), password).getMessage()).doesNotContain(wrong);
  }

  /** The URL wins over properties, as for every other property. */
  @Test
  void aWrongUrlTokenIsNotRescuedByARightProperty(SecuredServer server) {
    Properties p = new Properties();
    p.setProperty("token", server.token());
    refused(server.url() + "/;token=not-the-token", p);
  }

  private static SQLException refused(String url, Properties info) {
    SQLInvalidAuthorizationSpecException e =
        catchThrowableOfType(
            SQLInvalidAuthorizationSpecException.class,
            () -> DriverManager.getConnection(url, info));
    assertThat((Object) e).as("connecting to %s must be refused", url).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("28000");
    return e;
  }

  private static int selectOne(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }
}

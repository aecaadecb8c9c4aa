package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What the default, compression=auto, asks of the session for each kind of server address. */
class CompressionTest {
  @ParameterizedTest
  @CsvSource({
    "localhost, false, SERVER",
    "LOCALHOST, false, SERVER",
    "spark.localhost, false, SERVER",
    "127.0.0.1, false, SERVER",
    "127.1.2.3, false, SERVER",
    "[::1], false, SERVER",
    "::1, false, SERVER",
    "spark.example.com, false, ZSTD",
    "10.0.0.7, false, ZSTD",
    "[2001:db8::1], false, ZSTD",
    "127.example.com, false, ZSTD",
    // a shared session: one connection must not change the others' setting
    "spark.example.com, true, SERVER"
  })
  void autoIsZstdForAServerElsewhereWithASessionOfItsOwn(
      String host, boolean namesSession, Compression expected) {
    assertThat(Compression.AUTO.resolve(host, namesSession)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"SERVER", "NONE", "LZ4", "ZSTD"})
  void anExplicitChoiceIsKept(Compression choice) {
    assertThat(choice.resolve("spark.example.com", false)).isEqualTo(choice);
    assertThat(choice.resolve("localhost", true)).isEqualTo(choice);
  }
}

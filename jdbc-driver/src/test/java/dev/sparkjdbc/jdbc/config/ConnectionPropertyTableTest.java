package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The property table is consistent with itself: names, types, defaults, choices. */
class ConnectionPropertyTableTest {

  @Test
  void keysAreLowerSnakeCaseAndKeysAndBeanNamesAreUnique() {
    assertThat(ConnectionProperty.values())
        .allSatisfy(p -> assertThat(p.key()).matches("[a-z]+(_[a-z]+)*"));
    assertThat(Arrays.stream(ConnectionProperty.values()).map(ConnectionProperty::beanName))
        .doesNotHaveDuplicates();
  }

  @Test
  void everyDefaultIsAValidValueOfItsType() {
    for (ConnectionProperty p : ConnectionProperty.values()) {
      p.defaultValue().ifPresent(d -> assertThat(p.parse(d)).as(p.key()).isNotNull());
    }
  }

  /** Their DataSource getters return a primitive: without a default they could answer nothing. */
  @Test
  void booleanAndIntegerPropertiesHaveDefaults() {
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (p.type().javaType().isPrimitive()) {
        assertThat(p.defaultValue()).as("default of %s", p.key()).isPresent();
      }
    }
  }

  @Test
  void choicesAreExactlyTheAcceptedWordsInAnyCase() {
    for (ConnectionProperty p : ConnectionProperty.values()) {
      for (String choice : p.type().choices()) {
        assertThat(p.parse(choice)).as("%s=%s", p.key(), choice).isNotNull();
        assertThat(p.parse(choice.toUpperCase(Locale.ROOT))).isEqualTo(p.parse(choice));
      }
      if (!p.type().choices().isEmpty()) {
        assertThatThrownBy(() -> p.parse("bogus"))
            .as(p.key())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(p.type().choices().get(0));
      }
    }
  }

  @Test
  void typesParseTheirValues() {
    assertThat(ConnectionProperty.USE_SSL.parse(" TRUE ")).isEqualTo(true);
    assertThat(ConnectionProperty.CONNECT_TIMEOUT.parse("0")).isEqualTo(0);
    assertThatThrownBy(() -> ConnectionProperty.CONNECT_TIMEOUT.parse("-1"))
        .hasMessage("must not be negative");
    assertThatThrownBy(() -> ConnectionProperty.GRPC_MAX_MESSAGE_SIZE.parse("0"))
        .hasMessage("must be a positive integer");
    assertThatThrownBy(() -> ConnectionProperty.TRANSLATION_MODE.parse("fast"))
        .hasMessage("must be 'translate', 'strict' or 'text'");
    assertThat(ConnectionProperty.SESSION_ID.parse(" 123E4567-E89B-12D3-A456-426614174000"))
        .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(ConnectionProperty.STRICT_PROPERTIES.type().kind())
        .isEqualTo(PropertyType.Kind.BOOLEAN);
    assertThat(ConnectionProperty.SSL_CA_FILE.type().javaType()).isEqualTo(String.class);
  }
}

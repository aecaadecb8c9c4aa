package dev.sparkjdbc.jdbc.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The type of a connection property: how a raw text value is parsed and validated, the values it
 * may take ({@code DriverPropertyInfo.choices}), the Java type of its DataSource bean property and
 * its name in the property reference. Parse errors are {@link IllegalArgumentException}s whose
 * message says what a valid value is, to follow "Invalid value … for connection property 'key': ";
 * they never repeat the value (it may be a secret).
 */
public final class PropertyType {
  /** What kind of value; decides the bean property's Java type. */
  enum Kind {
    STRING(String.class),
    BOOLEAN(boolean.class),
    INTEGER(int.class),
    CHOICE(String.class),
    FILE(String.class),
    UUID(String.class);

    private final Class<?> javaType;

    Kind(Class<?> javaType) {
      this.javaType = javaType;
    }
  }

  static final PropertyType STRING = new PropertyType(Kind.STRING, "string", List.of(), s -> s);
  static final PropertyType NON_EMPTY_STRING =
      new PropertyType(Kind.STRING, "string", List.of(), PropertyType::nonEmpty);
  static final PropertyType BOOLEAN =
      new PropertyType(Kind.BOOLEAN, "boolean", List.of("true", "false"), PropertyType::bool);
  static final PropertyType FILE =
      new PropertyType(Kind.FILE, "file path", List.of(), PropertyType::readableFile);
  static final PropertyType UUID =
      new PropertyType(Kind.UUID, "UUID", List.of(), PropertyType::uuid);

  private final Kind kind;
  private final String displayName;
  private final List<String> choices;
  private final Function<String, Object> parser;

  private PropertyType(
      Kind kind, String displayName, List<String> choices, Function<String, Object> parser) {
    this.kind = kind;
    this.displayName = displayName;
    this.choices = choices;
    this.parser = parser;
  }

  /** A string with a property-specific check; {@code check} returns the value to use. */
  static PropertyType string(Function<String, Object> check) {
    return new PropertyType(Kind.STRING, "string", List.of(), check);
  }

  /** An integer from {@code min} to {@code max}. */
  static PropertyType integer(int min, int max) {
    return integerWhere(
        "integer from " + min + " to " + max,
        v -> v >= min && v <= max,
        "must be from " + min + " to " + max);
  }

  /** An integer of at least {@code min}. */
  static PropertyType integer(int min) {
    return integerWhere(
        "integer ≥ " + min,
        v -> v >= min,
        min == 1
            ? "must be a positive integer"
            : min == 0 ? "must not be negative" : "must be at least " + min);
  }

  /** 0 (the property's "off" or "automatic") or an integer of at least {@code min}. */
  static PropertyType zeroOrAtLeast(int min) {
    return integerWhere(
        "0 or an integer ≥ " + min, v -> v == 0 || v >= min, "must be 0 or at least " + min);
  }

  /** An integer that {@code valid} accepts; {@code rule} says what a refused value breaks. */
  private static PropertyType integerWhere(String description, IntPredicate valid, String rule) {
    return new PropertyType(
        Kind.INTEGER,
        description,
        List.of(),
        s -> {
          int value = integerValue(s);
          if (!valid.test(value)) {
            throw new IllegalArgumentException(rule);
          }
          return value;
        });
  }

  /**
   * One of a closed set of lower-case words (matched case-insensitively), each mapped to the value
   * the driver uses; shown to users in the order given.
   */
  @SafeVarargs
  static PropertyType choice(Map.Entry<String, ?>... values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values) {
      copy.put(e.getKey(), e.getValue());
    }
    List<String> names = List.copyOf(copy.keySet());
    return new PropertyType(
        Kind.CHOICE,
        "one of " + String.join(", ", names),
        names,
        s -> {
          Object value = copy.get(s.trim().toLowerCase(Locale.ROOT));
          if (value == null) {
            throw new IllegalArgumentException("must be " + alternatives(names));
          }
          return value;
        });
  }

  /** One of the constants of {@code type}, spelled in lower case. */
  static <E extends Enum<E>> PropertyType choice(Class<E> type) {
    E[] constants = type.getEnumConstants();
    @SuppressWarnings("unchecked")
    Map.Entry<String, ?>[] values = new Map.Entry[constants.length];
    for (int i = 0; i < constants.length; i++) {
      values[i] = Map.entry(constants[i].name().toLowerCase(Locale.ROOT), constants[i]);
    }
    return choice(values);
  }

  Kind kind() {
    return kind;
  }

  /** The Java type of the DataSource bean property: String, boolean or int. */
  public Class<?> javaType() {
    return kind.javaType;
  }

  /** The allowed values, for {@code DriverPropertyInfo.choices}; empty when any value goes. */
  public List<String> choices() {
    return choices;
  }

  /** How the property reference names the type: "string", "integer ≥ 0", "one of a, b"… */
  String displayName() {
    return displayName;
  }

  /** Parses and validates a raw value; the exception message says what a valid value is. */
  Object parse(String raw) {
    return parser.apply(raw);
  }

  /** 'a' or 'b'; 'a', 'b' or 'c'. */
  private static String alternatives(List<String> names) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        s.append(i == names.size() - 1 ? " or " : ", ");
      }
      s.append('\'').append(names.get(i)).append('\'');
    }
    return s.toString();
  }

  private static Object nonEmpty(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return s;
  }

  private static Object bool(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static Object readableFile(String s) {
    Path path;
    try {
      path = Path.of(s.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a file path");
    }
    if (s.isBlank() || !Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file at this path");
    }
    return path;
  }

  private static Object uuid(String s) {
    try {
      return java.util.UUID.fromString(s.trim()).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
  }

  private static int integerValue(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be an integer");
    }
  }
}

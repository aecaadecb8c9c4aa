package dev.sparkjdbc.types;

/** Widths in the type table. */
final class Width {
  /** No fixed width (STRING, BINARY, nested types): the largest int, as JDBC tools expect. */
  static final int U = Integer.MAX_VALUE;

  private Width() {}
}

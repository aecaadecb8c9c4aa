package dev.sparkjdbc.jdbc;

import java.time.ZoneId;
import java.util.function.Supplier;

/** What accessors need beyond their vector: the session time zone, asked for only when used. */
record ColumnContext(Supplier<ZoneId> sessionZone) {
  static final ColumnContext JVM_ZONE = new ColumnContext(ZoneId::systemDefault);
}

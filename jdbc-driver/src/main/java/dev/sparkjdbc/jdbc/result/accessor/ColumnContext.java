package dev.sparkjdbc.jdbc.result.accessor;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What accessors need beyond their vector: the session time zone, asked for only when used, and the
 * way to make a result set of an array's elements.
 */
public record ColumnContext(Supplier<ZoneId> sessionZone, DetachedRows detachedRows) {}

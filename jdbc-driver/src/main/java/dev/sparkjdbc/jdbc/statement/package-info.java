/**
 * SQL text and parameters as Spark Connect plans: parameter values as typed literals, statements
 * sent as SQL text with their values bound by name, and every other protobuf plan the JDBC classes
 * run. The only place in the driver that builds plans; the translator ({@code dev.sparkjdbc.plan})
 * builds the translated ones. Uses {@code errors}.
 */
package dev.sparkjdbc.jdbc.statement;

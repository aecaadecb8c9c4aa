/**
 * {@code DatabaseMetaData}: catalog listings read with Spark's own SQL ({@link
 * dev.sparkjdbc.jdbc.metadata.CatalogListing}), JDBC search patterns, the result layouts the JDBC
 * specification defines, and {@code getTypeInfo}. Sees its connection only through {@link
 * dev.sparkjdbc.jdbc.metadata.MetadataConnection}. Uses {@code errors}, {@code config}, {@code
 * client}, {@code result}, {@code result.accessor} and {@code statement}.
 */
package dev.sparkjdbc.jdbc.metadata;

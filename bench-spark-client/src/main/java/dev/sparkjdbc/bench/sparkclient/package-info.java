/** Spark's own Connect client driven by the benchmark, in its own JVM (see docs/benchmarks.md). */
package dev.sparkjdbc.bench.sparkclient;

/**
 * The runnable job: {@code java -jar sigil-flink.jar --input FILE|kafka:BOOTSTRAP/TOPIC --output
 * FILE|kafka:BOOTSTRAP/TOPIC|discard}, on an embedded local cluster, or submitted unchanged with
 * {@code flink run}.
 */
@NullMarked
package dev.sigil.flink.job;

import org.jspecify.annotations.NullMarked;

/**
 * Sigil for Apache Flink: the detector as an operator ({@link dev.sigil.flink.SigilDetector}),
 * with one engine per node, each engine's state in Flink's checkpoints, rejected records on a
 * side output and deterministic finding ids for replays.
 */
@NullMarked
package dev.sigil.flink;

import org.jspecify.annotations.NullMarked;

/**
 * An application embedding Sigil with threads of its own: senders on loopback connections (or a
 * FIFO) read concurrently, each sender's lines routed to the partition of its node, one engine
 * per partition, a bounded finding queue drained by a writer, capped reports of bad input,
 * periodic statistics and a bounded stop that loses no finding it can write. Run
 * {@link dev.sigil.examples.agent.AgentMain}.
 */
@NullMarked
package dev.sigil.examples.agent;

import org.jspecify.annotations.NullMarked;

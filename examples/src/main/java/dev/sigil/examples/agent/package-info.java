/**
 * An application embedding Sigil with threads of its own: a reader routing Tracee JSON lines by
 * host, one engine per partition, a bounded finding queue drained by a writer, periodic
 * statistics and a shutdown that loses no finding. Run {@link dev.sigil.examples.agent.AgentMain}.
 */
@NullMarked
package dev.sigil.examples.agent;

import org.jspecify.annotations.NullMarked;

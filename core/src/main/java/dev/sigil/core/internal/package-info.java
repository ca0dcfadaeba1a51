/**
 * Implementation details of Sigil's core; not exported, may change at any time.
 */
@NullMarked
package dev.sigil.core.internal;

import org.jspecify.annotations.NullMarked;

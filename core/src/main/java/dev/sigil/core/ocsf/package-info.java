/**
 * Writing findings as OCSF 1.3.0 Detection Findings (class 2004), the schema security data
 * lakes and SIEMs ingest, valid on every input; see {@link dev.sigil.core.ocsf.OcsfFindingWriter}.
 */
@NullMarked
package dev.sigil.core.ocsf;

import org.jspecify.annotations.NullMarked;

package dev.sigil.core.tracee;

/**
 * A reader's counters. Always {@code events + rejected + skipped == linesRead - blankLines}.
 *
 * @param linesRead lines read, blank ones included
 * @param blankLines lines holding only whitespace (skipped silently)
 * @param events events decoded and handed on
 * @param rejected lines rejected
 * @param skipped lines left undecoded because their event type is not decoded (see
 *     {@link TraceeReader.Builder#decodeOnly}); such lines are not checked either
 * @param argProblems arguments that read as absent because their value could not be decoded
 *     (invalid base64, a value of the wrong kind, an oversized string) in lines that were kept
 * @param bytesRead bytes consumed
 */
public record ReaderStats(
    long linesRead, long blankLines, long events, long rejected, long skipped, long argProblems,
    long bytesRead) {}

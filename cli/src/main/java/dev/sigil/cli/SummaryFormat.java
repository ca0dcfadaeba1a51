package dev.sigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How the summary at the end of a scan is printed on standard error ({@code --summary}). */
enum SummaryFormat {
  /** For people: a few aligned lines. */
  TEXT {
    @Override
    String render(ScanSummary s) {
      StringBuilder text = new StringBuilder();
      text.append(String.format(Locale.ROOT, "sigil scan: %s %s in %.2f s%n", Terminal.escape(s.input()),
          s.complete() ? "read to the end" : "NOT read to the end (stopped)", s.elapsedNanos() / 1e9));
      // Under a second the rate measures the JVM warming up, not the scan: leave it out.
      row(text, "events", s.events(), s.elapsedNanos() >= 1_000_000_000L
          ? String.format(Locale.ROOT, "%,d events/s", s.eventsPerSecond()) : "");
      row(text, "rejected lines", s.rejected(), byReason(s.rejectedByReason()));
      StringJoiner bySignature = new StringJoiner(", ");
      for (Map.Entry<String, Long> e : s.findingsBySignature().entrySet()) {
        bySignature.add(String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue()));
      }
      row(text, "findings", s.findings(), bySignature.toString());
      if (s.findingsNotWritten() > 0) {
        row(text, "NOT written", s.findingsNotWritten(), "findings the output did not take");
      }
      row(text, "suppressed", s.suppressed(), s.suppressed() > 0 ? "repeats within the deduplication period" : "");
      row(text, "signature errors", s.signatureErrors(), "");
      if (s.skipped() > 0) {
        row(text, "skipped lines", s.skipped(), "events no signature selects, not decoded");
      }
      if (s.dataProblems() > 0) {
        row(text, "data problems", s.dataProblems(), "events a signature could not use");
      }
      if (s.argProblems() > 0) {
        row(text, "argument problems", s.argProblems(), "undecodable arguments, read as absent");
      }
      if (s.stderrLines() > 0) {
        row(text, "stderr lines", s.stderrLines(), "Tracee's own log lines, skipped");
      }
      for (Map.Entry<String, Map<String, Long>> e : s.countersBySignature().entrySet()) {
        counters(text, e.getKey(), e.getValue());
      }
      String hint = s.hint();
      if (hint != null) {
        text.append("sigil scan: WARNING: ").append(hint).append(System.lineSeparator());
      }
      return text.toString().stripTrailing();
    }

    /** The three most frequent reasons, for the rejected-lines row. */
    private String byReason(Map<String, Long> reasons) {
      StringJoiner top = new StringJoiner(", ");
      reasons.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(3)
          .forEach(e -> top.add(String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue())));
      return reasons.size() > 3 ? top + ", ..." : top.toString();
    }

    /**
     * One signature's counters, {@code name value} pairs wrapped to stay readable, under its id;
     * those that say something went wrong (evictions) are listed like any other, so that a
     * reader finds them where the others are.
     */
    private void counters(StringBuilder text, String id, Map<String, Long> counters) {
      String indent = " ".repeat(21);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s", id + " counters"));
      boolean first = true;
      for (Map.Entry<String, Long> e : counters.entrySet()) {
        String pair = String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue());
        if (!first && line.length() + 2 + pair.length() > COUNTER_LINE_WIDTH) {
          text.append(line).append(',').append(System.lineSeparator());
          line = new StringBuilder(indent).append(pair);
        } else {
          line.append(first ? " " : ", ").append(pair);
        }
        first = false;
      }
      text.append(line).append(System.lineSeparator());
    }

    private void row(StringBuilder text, String label, long value, String note) {
      String line = String.format(Locale.ROOT, "  %-18s %,12d   %s", label, value, note);
      text.append(line.stripTrailing()).append(System.lineSeparator());
    }
  },

  /**
   * For programs: one JSON object on one line, starting with the integer fields
   * {@code events, rejected, findings, suppressed, signatureErrors}.
   */
  JSON {
    @Override
    String render(ScanSummary s) {
      StringWriter out = new StringWriter();
      try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("events", s.events());
        json.writeNumberField("rejected", s.rejected());
        json.writeNumberField("findings", s.findings());
        json.writeNumberField("suppressed", s.suppressed());
        json.writeNumberField("signatureErrors", s.signatureErrors());
        json.writeNumberField("skipped", s.skipped());
        json.writeNumberField("dataProblems", s.dataProblems());
        json.writeNumberField("argProblems", s.argProblems());
        json.writeNumberField("linesRead", s.linesRead());
        json.writeNumberField("blankLines", s.blankLines());
        json.writeNumberField("bytesRead", s.bytesRead());
        json.writeNumberField("elapsedMillis", s.elapsedNanos() / 1_000_000);
        json.writeBooleanField("complete", s.complete());
        json.writeStringField("input", s.input());
        json.writeStringField("inputFormat", s.inputFormat());
        json.writeNumberField("findingsNotWritten", s.findingsNotWritten());
        json.writeNumberField("partialLines", s.partialLines());
        json.writeNumberField("stderrLines", s.stderrLines());
        String hint = s.hint();
        if (hint != null) {
          json.writeStringField("warning", hint);
        }
        counts(json, "rejectedByReason", s.rejectedByReason());
        counts(json, "findingsBySignature", s.findingsBySignature());
        json.writeObjectFieldStart("countersBySignature");
        for (Map.Entry<String, Map<String, Long>> signature : s.countersBySignature().entrySet()) {
          counts(json, signature.getKey(), signature.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot happen: writing to a string", e);
      }
      return out.toString();
    }

    /** Counts by name as one object field, in the map's order. */
    private void counts(JsonGenerator json, String field, Map<String, Long> counts)
        throws IOException {
      json.writeObjectFieldStart(field);
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        json.writeNumberField(e.getKey(), e.getValue());
      }
      json.writeEndObject();
    }
  };

  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  /** Where the text summary wraps a signature's counters. */
  private static final int COUNTER_LINE_WIDTH = 100;

  /**
   * Renders a summary, without a trailing line break.
   *
   * @param summary what the scan did
   * @return the text to print
   */
  abstract String render(ScanSummary summary);
}

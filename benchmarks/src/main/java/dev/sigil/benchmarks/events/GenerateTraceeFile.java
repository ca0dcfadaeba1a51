package dev.sigil.benchmarks.events;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a generated Tracee NDJSON file for whole-process measurements:
 * {@code java -cp benchmarks.jar dev.sigil.benchmarks.events.GenerateTraceeFile FILE [EVENTS]
 * [SEED] [FIRING_SHARE]}. Defaults: 1,000,000 events, seed 42, 1% of events firing TRC-1022.
 */
public final class GenerateTraceeFile {
  private GenerateTraceeFile() {}

  /**
   * Writes the file and prints its event count, size and how many events fire TRC-1022.
   *
   * @param args FILE [EVENTS] [SEED] [FIRING_SHARE]
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 4) {
      System.err.println("usage: GenerateTraceeFile FILE [EVENTS] [SEED] [FIRING_SHARE]");
      System.exit(2);
      return;
    }
    Path file = Path.of(args[0]);
    long events = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    double firing = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
    TraceeEventGenerator generator =
        new TraceeEventGenerator(seed, EventMix.quiet().withDroppedElf(firing));
    long fires = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        TraceeLineWriter writer = new TraceeLineWriter(out)) {
      for (long i = 0; i < events; i++) {
        GeneratedEvent event = generator.next();
        fires += event.firesDroppedExecutable() ? 1 : 0;
        writer.write(event);
      }
    }
    long bytes = Files.size(file);
    System.out.printf(Locale.ROOT, "%s: %d events, %d bytes (%.1f B/event), %d fire TRC-1022%n",
        file, events, bytes, (double) bytes / events, fires);
  }
}

package dev.sigil.cli;

import dev.sigil.core.DedupPolicy;
import dev.sigil.core.Selector;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Every id a scan can report, for {@code sigil signatures} and {@code sigil explain}: each
 * signature under its own id, and each of its {@linkplain Signature#variants() variants} (SGL-1002
 * beside SGL-1001) under theirs.
 *
 * <p>The longer explanation ({@code sigil explain}) lives beside the signature, in its jar:
 * a resource {@value #EXPLAIN_RESOURCE}{@code <ID>.txt} with sections headed {@code # Looks for},
 * {@code # Options} and {@code # Blind spots}. The built-in signatures ship theirs; a
 * {@code --signatures} jar may ship its own the same way.
 */
final class Catalog {
  static final String EXPLAIN_RESOURCE = "META-INF/sigil/explain/";

  private Catalog() {}

  /**
   * One reported id.
   *
   * @param metadata what findings under this id carry
   * @param signature the signature that reports it
   * @param variantOf the id of the signature whose variant this is, or null
   */
  record Entry(SignatureMetadata metadata, Signature signature, @Nullable String variantOf) {
    String id() {
      return metadata.id();
    }

    /** The events and origins the signature selects, e.g. {@code magic_write (container)}. */
    List<String> events() {
      List<String> events = new ArrayList<>();
      for (Selector selector : signature.selectors()) {
        String event = selector.eventName() == null ? "any event" : selector.eventName();
        events.add(selector.origin() == null ? event : event + " (" + selector.origin().traceeName() + ")");
      }
      return events;
    }

    /** MITRE ATT&amp;CK as one phrase: {@code T1611 Escape to Host (privilege-escalation)}. */
    String mitre() {
      StringBuilder text = new StringBuilder(metadata.mitreTechniqueId());
      if (!metadata.technique().isEmpty()) {
        text.append(text.length() > 0 ? " " : "").append(metadata.technique());
      }
      if (!metadata.category().isEmpty()) {
        text.append(text.length() > 0 ? " (" + metadata.category() + ")" : metadata.category());
      }
      return text.toString();
    }

    /** The default deduplication, in words. */
    String dedup() {
      DedupPolicy policy = signature.defaultDedup();
      if (policy == null || !policy.enabled()) {
        return "never deduplicates: every match is a finding";
      }
      return "a repeat within " + policy.window() + " (event time) is suppressed and counted;"
          + " --dedup-period replaces the period";
    }

    /**
     * The explanation's sections from the signature's jar ({@code Looks for}, {@code Options},
     * {@code Blind spots}), in their order; empty when the jar ships none.
     */
    Map<String, String> explanation() {
      String name = EXPLAIN_RESOURCE + id() + ".txt";
      String text = null;
      try (InputStream in = open(name)) {
        if (in != null) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        text = null;
      }
      Map<String, String> sections = new LinkedHashMap<>();
      if (text == null) {
        return sections;
      }
      String heading = null;
      StringBuilder body = new StringBuilder();
      for (String line : text.split("\\R")) {
        if (line.startsWith("# ")) {
          if (heading != null) {
            sections.put(heading, body.toString().strip());
          }
          heading = line.substring(2).strip().toLowerCase(Locale.ROOT);
          body.setLength(0);
        } else if (heading != null) {
          body.append(line).append('\n');
        }
      }
      if (heading != null) {
        sections.put(heading, body.toString().strip());
      }
      return sections;
    }

    private @Nullable InputStream open(String name) throws IOException {
      Class<?> type = signature.getClass();
      InputStream in = type.getModule().getResourceAsStream(name);
      if (in == null && type.getClassLoader() != null) {
        in = type.getClassLoader().getResourceAsStream(name);
      }
      return in;
    }
  }

  /**
   * Runs a command that shows the catalog ({@code sigil signatures}, {@code sigil explain}): the
   * ids of the built-in signatures, with default options, then of those the jars register. When
   * a jar cannot be loaded, says why instead (see {@link SignaturesCommand#load}).
   *
   * @param environment where the built-in signatures come from and messages go
   * @param jars the {@code --signatures} paths
   * @param command the command as the user typed it, heading its messages
   * @param show shows the entries, in order, and returns the exit status
   * @return the exit status
   */
  static int show(CliEnvironment environment, List<Path> jars, String command,
      ToIntFunction<List<Entry>> show) {
    List<Entry> entries;
    try {
      entries = of(SignaturesCommand.load(environment, ContainedExecutableOptions.defaults(), jars));
    } catch (CliException e) {
      return e.report(environment.stderr(), command);
    }
    return show.applyAsInt(entries);
  }

  /**
   * Lists the ids of signatures, each signature's own first, then its variants'.
   *
   * @param signatures the signatures
   * @return the entries, in order
   */
  static List<Entry> of(List<Signature> signatures) {
    List<Entry> entries = new ArrayList<>();
    for (Signature signature : signatures) {
      entries.add(new Entry(signature.metadata(), signature, null));
      for (SignatureMetadata variant : signature.variants()) {
        entries.add(new Entry(variant, signature, signature.metadata().id()));
      }
    }
    return entries;
  }
}

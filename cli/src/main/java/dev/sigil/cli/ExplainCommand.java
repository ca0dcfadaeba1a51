package dev.sigil.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sigil explain ID}: what one signature looks for, its options and its blind spots. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Explains one signature: what it looks for, its options and its known blind spots.",
    synopsisHeading = "%nUsage: ",
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n")
final class ExplainCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "ID",
      description = "The id a finding carries, e.g. SGL-1001 (sigil signatures lists them).")
  private String id = "";

  @Option(names = "--signatures", paramLabel = "DIR|JAR",
      description = "Looks among the signatures of these jars too (repeatable).")
  private List<Path> signatureJars = new ArrayList<>();

  ExplainCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    return Catalog.show(environment, signatureJars, "sigil explain", this::explain);
  }

  private int explain(List<Catalog.Entry> entries) {
    Catalog.Entry entry = find(entries, id);
    if (entry == null) {
      List<String> ids = entries.stream().map(Catalog.Entry::id).toList();
      String suggestion = Suggestions.closest(id, ids);
      environment.stderr().println(Terminal.escape("sigil explain: no signature has the id '" + id
          + "'" + (suggestion == null ? "" : "; did you mean " + suggestion + "?")
          + " ('sigil signatures' lists them all)"));
      return 2;
    }
    PrintWriter out = new PrintWriter(environment.stdout(), false, StandardCharsets.UTF_8);
    String[] lines = render(entry).split("\n");
    for (String line : lines) {
      out.println(Terminal.escape(line));
    }
    out.flush();
    return 0;
  }

  private static Catalog.@Nullable Entry find(List<Catalog.Entry> entries, String id) {
    for (Catalog.Entry entry : entries) {
      if (entry.id().equalsIgnoreCase(id.strip())) {
        return entry;
      }
    }
    return null;
  }

  static String render(Catalog.Entry entry) {
    StringBuilder text = new StringBuilder();
    text.append(entry.id()).append("  ").append(entry.metadata().name()).append('\n');
    text.append("  severity ").append(entry.metadata().severity().name());
    if (!entry.mitre().isEmpty()) {
      text.append(" · MITRE ATT&CK ").append(entry.mitre());
    }
    text.append(" · version ").append(entry.metadata().version());
    if (entry.variantOf() != null) {
      text.append(" · reported by ").append(entry.variantOf());
    }
    text.append('\n');
    text.append("  findings carry the event name ").append(entry.metadata().eventName()).append('\n');
    Map<String, String> sections = entry.explanation();
    section(text, "Description", entry.metadata().description().isEmpty()
        ? "(none given)" : entry.metadata().description());
    String looksFor = "Events: " + String.join(", ", entry.events()) + ".";
    if (sections.containsKey("looks for")) {
      looksFor += "\n" + sections.get("looks for");
    }
    section(text, "What it looks for", looksFor);
    String options = "Deduplication: " + entry.dedup() + ".";
    if (sections.containsKey("options")) {
      options += "\n" + sections.get("options");
    }
    section(text, "Options", options);
    section(text, "Known blind spots", sections.getOrDefault("blind spots",
        "None documented for this signature."));
    return text.toString();
  }

  private static void section(StringBuilder text, String heading, String body) {
    text.append('\n').append(heading).append('\n');
    for (String line : wrap(body, 96)) {
      text.append("  ").append(line).append('\n');
    }
  }

  /** Wraps paragraphs at {@code width}, keeping line breaks and the indent of list items. */
  static List<String> wrap(String body, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : body.split("\\R")) {
      String indent = paragraph.startsWith("- ") ? "  " : "";
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split(" +")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
          line.append(indent);
        }
        if (line.length() > 0 && !line.toString().equals(indent)) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}

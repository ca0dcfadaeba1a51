package dev.sigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.core.Signature;
import dev.sigil.core.SignaturePluginException;
import dev.sigil.core.SignaturePlugins;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sigil signatures}: every id a scan can report, built-in and from jars. */
@Command(name = "signatures", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Lists every signature sigil scan runs, by the id its findings carry.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "One row per reported id (a variant such as SGL-1002 has its own row beside the signature"
            + " that reports it): id, severity, name, the events and origins it looks at, and"
            + " MITRE ATT&CK. 'sigil explain ID' tells more about one."})
final class SignaturesCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  private final CliEnvironment environment;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default): an aligned table; json: one JSON array of objects with id,"
          + " severity, name, version, eventName, events, category, technique, mitreTechniqueId,"
          + " variantOf.")
  private ListFormat format = ListFormat.TEXT;

  @Option(names = "--signatures", paramLabel = "DIR|JAR",
      description = "Lists the signatures of these jars too, as sigil scan --signatures loads them"
          + " (repeatable).")
  private List<Path> signatureJars = new ArrayList<>();

  SignaturesCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    return Catalog.show(environment, signatureJars, "sigil signatures", this::list);
  }

  private int list(List<Catalog.Entry> entries) {
    String text = format == ListFormat.JSON ? json(entries) : table(entries);
    PrintWriter out = new PrintWriter(environment.stdout(), false, StandardCharsets.UTF_8);
    out.print(text);
    out.flush();
    return 0;
  }

  /**
   * The one place where the CLI assembles signatures: the built-in ones, configured by the
   * options, then those {@link SignaturePlugins} loads from each {@code --signatures} path, in
   * order. Each path is loaded on its own so that one registering nothing can be named (a jar
   * without its {@code META-INF/services} file is the usual mistake). A duplicate id, between
   * jars or with a built-in signature, is caught when the engine is built.
   *
   * @throws CliException with status 2 and the loader's message, which names the path or jar,
   *     the class, and the cause (a constructor's exception included)
   */
  static List<Signature> load(CliEnvironment environment, ContainedExecutableOptions options,
      List<Path> jars) throws CliException {
    List<Signature> all = new ArrayList<>(environment.builtInSignatures().apply(options));
    for (Path jar : jars) {
      List<Signature> found;
      try {
        found = SignaturePlugins.load(List.of(jar));
      } catch (SignaturePluginException e) {
        throw new CliException(2, String.valueOf(e.getMessage()));
      }
      if (found.isEmpty()) {
        environment.stderr().println(Terminal.escape("sigil: no signatures registered in '" + jar
            + "' (a jar needs META-INF/services/" + Signature.class.getName() + ")"));
      }
      all.addAll(found);
    }
    return all;
  }

  static String table(List<Catalog.Entry> entries) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "SEVERITY", "NAME", "EVENTS", "MITRE"});
    for (Catalog.Entry e : entries) {
      rows.add(new String[] {e.id(), e.metadata().severity().name(), e.metadata().name(),
          String.join(", ", e.events()), e.mitre()});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(Terminal.escape(line.toString().stripTrailing())).append(System.lineSeparator());
    }
    return text.toString();
  }

  static String json(List<Catalog.Entry> entries) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (Catalog.Entry e : entries) {
        json.writeStartObject();
        json.writeStringField("id", e.id());
        json.writeStringField("severity", e.metadata().severity().name());
        json.writeStringField("name", e.metadata().name());
        json.writeStringField("version", e.metadata().version());
        json.writeStringField("eventName", e.metadata().eventName());
        json.writeArrayFieldStart("events");
        for (dev.sigil.core.Selector selector : e.signature().selectors()) {
          json.writeStartObject();
          json.writeStringField("event", selector.eventName() == null ? "*" : selector.eventName());
          json.writeStringField("origin", selector.origin() == null ? "*" : selector.origin().traceeName());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("category", e.metadata().category());
        json.writeStringField("technique", e.metadata().technique());
        json.writeStringField("mitreTechniqueId", e.metadata().mitreTechniqueId());
        if (e.variantOf() != null) {
          json.writeStringField("variantOf", e.variantOf());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a string", e);
    }
    return out + System.lineSeparator();
  }
}

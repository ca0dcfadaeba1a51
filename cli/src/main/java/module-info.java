/**
 * The {@code sigil} command line: {@code sigil scan} reads Tracee JSON lines, runs the built-in
 * signatures and those of any jar given with {@code --signatures}, and prints findings.
 * {@link dev.sigil.cli.SigilCli} is the entry point, for {@code java -jar sigil.jar} and for
 * running it in-process.
 */
module dev.sigil.cli {
  requires dev.sigil.core;
  requires dev.sigil.signatures;
  requires com.fasterxml.jackson.core;
  requires info.picocli;

  exports dev.sigil.cli;

  // picocli sets the commands' option fields by reflection.
  opens dev.sigil.cli to info.picocli;
}

package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: Sigil's version (from the build) and the Java runtime's. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
        "sigil " + sigilVersion(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
  }

  static String sigilVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource means a broken build; report the version as unknown.
    }
    return properties.getProperty("version", "unknown");
  }
}

package dev.sigil.core;

import java.io.IOException;
import java.io.OutputStream;

/** An output stream whose every write fails, as a full disk or a closed pipe does. */
public final class FailingOutput extends OutputStream {
  private final String message;

  /**
   * Makes the stream.
   *
   * @param message what each failure says, e.g. {@code disk full}
   */
  public FailingOutput(String message) {
    this.message = message;
  }

  @Override
  public void write(int b) throws IOException {
    throw new IOException(message);
  }
}

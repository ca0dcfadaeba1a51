package dev.sigil.core;

/**
 * Thrown by {@link SignaturePlugins} when signatures cannot be loaded: a path that is missing,
 * unreadable or not a jar, or a registered class that cannot be found or instantiated. The
 * message names the path (or class loader) and the class, and carries the cause's own message,
 * for example a constructor's exception.
 */
public final class SignaturePluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SignaturePluginException(String message, Throwable cause) {
    super(message, cause);
  }

  SignaturePluginException(String message) {
    super(message);
  }
}

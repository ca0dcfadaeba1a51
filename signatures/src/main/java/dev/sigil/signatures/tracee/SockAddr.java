package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Event;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.Text;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Tracee socket address argument such as {@code remote_addr} (declared {@code SockAddr}
 * in v0.24, {@code struct sockaddr*} before): an object of strings, {@code sa_family} plus
 * {@code sin_addr}/{@code sin_port} for {@code AF_INET}, {@code sin6_addr}/{@code sin6_port} for
 * {@code AF_INET6} and {@code sun_path} for {@code AF_UNIX}. The same lookups as Tracee's
 * {@code GetRawAddrArgumentByName}, {@code IsInternetFamily}, {@code IsUnixFamily},
 * {@code GetIPFromRawAddr}, {@code GetPortFromRawAddr} and {@code GetPathFromRawAddr}, without
 * allocating.
 *
 * <p>A field that is a JSON number or boolean reads as its text, where Tracee's helper rejects the
 * whole address; Tracee itself only ever prints strings there. A part that is missing is counted
 * as a data problem, with the same reason in every signature.
 */
final class SockAddr {
  private static final String NOT_AN_OBJECT = "socket address argument missing or not an object";
  private static final String NO_FAMILY = "socket address without sa_family";
  private static final String NO_IP = "internet socket address without sin_addr/sin6_addr";
  private static final String NO_PORT = "internet socket address without sin_port/sin6_port";
  private static final String NO_PATH = "unix socket address without sun_path";

  private static final String FAMILY = "sa_family";
  private static final String AF_INET = "AF_INET";
  private static final String AF_INET6 = "AF_INET6";
  private static final String AF_UNIX = "AF_UNIX";

  private SockAddr() {}

  /**
   * Finds the address argument, once per event: the index the other readers take.
   *
   * @param event the event
   * @param key the address argument's key
   * @param context where a data problem is counted
   * @return the argument's index, or -1 when it is absent or not an object (a data problem)
   */
  static int index(Event event, ArgKey key, SignatureContext context) {
    int index = event.argIndex(key);
    if (index >= 0 && event.argKind(index) == ArgKind.JSON) {
      return index;
    }
    context.dataProblem(NOT_AN_OBJECT);
    return -1;
  }

  /**
   * Returns the address family.
   *
   * @param event the event
   * @param index the address argument's index, from {@link #index}
   * @param context where a data problem is counted
   * @return e.g. {@code AF_INET}, or null when there is none (a data problem)
   */
  static @Nullable CharSequence family(Event event, int index, SignatureContext context) {
    return Required.text(event.fieldAt(index, FAMILY), NO_FAMILY, context);
  }

  /**
   * Returns the family of an internet address ({@code AF_INET} or {@code AF_INET6}).
   *
   * @param event the event
   * @param index the address argument's index, from {@link #index}
   * @param context where a data problem is counted
   * @return the family, or null when {@link #family} finds none (a data problem) or it is not an
   *     internet family
   */
  static @Nullable CharSequence internetFamily(Event event, int index, SignatureContext context) {
    CharSequence family = family(event, index, context);
    return family != null && isInternet(family) ? family : null;
  }

  static boolean isInternet(CharSequence family) {
    return Text.contentEquals(family, AF_INET) || Text.contentEquals(family, AF_INET6);
  }

  static boolean isUnix(CharSequence family) {
    return Text.contentEquals(family, AF_UNIX);
  }

  /**
   * Returns the IP address of an internet address.
   *
   * @param event the event
   * @param index the address argument's index, from {@link #index}
   * @param family the family {@link #internetFamily} returned
   * @param context where a data problem is counted
   * @return the address as Tracee prints it, or null when absent (a data problem)
   */
  static @Nullable CharSequence ip(Event event, int index, CharSequence family,
      SignatureContext context) {
    return Required.text(
        event.fieldAt(index, Text.contentEquals(family, AF_INET) ? "sin_addr" : "sin6_addr"),
        NO_IP, context);
  }

  /**
   * Returns the port of an internet address, as text.
   *
   * @param event the event
   * @param index the address argument's index, from {@link #index}
   * @param family the family {@link #internetFamily} returned
   * @param context where a data problem is counted
   * @return the port, or null when absent (a data problem)
   */
  static @Nullable CharSequence port(Event event, int index, CharSequence family,
      SignatureContext context) {
    return Required.text(
        event.fieldAt(index, Text.contentEquals(family, AF_INET) ? "sin_port" : "sin6_port"),
        NO_PORT, context);
  }

  /**
   * Returns the path of a unix address.
   *
   * @param event the event
   * @param index the address argument's index, from {@link #index}, whose {@link #family} is
   *     {@code AF_UNIX}
   * @param context where a data problem is counted
   * @return the path, or null when absent (a data problem)
   */
  static @Nullable CharSequence path(Event event, int index, SignatureContext context) {
    return Required.text(event.fieldAt(index, "sun_path"), NO_PATH, context);
  }
}

package dev.sigil.signatures.tracee;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.Event;
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
 * whole address; Tracee itself only ever prints strings there.
 */
final class SockAddr {
  static final String NOT_AN_OBJECT = "socket address argument missing or not an object";
  static final String NO_FAMILY = "socket address without sa_family";
  static final String NO_IP = "internet socket address without sin_addr/sin6_addr";
  static final String NO_PORT = "internet socket address without sin_port/sin6_port";
  static final String NO_PATH = "unix socket address without sun_path";

  private static final String FAMILY = "sa_family";
  private static final String AF_INET = "AF_INET";
  private static final String AF_INET6 = "AF_INET6";
  private static final String AF_UNIX = "AF_UNIX";

  private SockAddr() {}

  /**
   * Finds an address argument.
   *
   * @param event the event
   * @param key the argument's key
   * @return its index, or -1 when it is absent or not structured (a data problem)
   */
  static int index(Event event, ArgKey key) {
    int index = event.argIndex(key);
    return index >= 0 && event.argKind(index) == ArgKind.JSON ? index : -1;
  }

  /**
   * Returns the address family.
   *
   * @param event the event
   * @param index the argument's index
   * @return e.g. {@code AF_INET}, or null when absent (a data problem)
   */
  static @Nullable CharSequence family(Event event, int index) {
    return event.fieldAt(index, FAMILY);
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
   * @param index the argument's index
   * @param family a family {@link #isInternet(CharSequence)} accepted
   * @return the address as Tracee prints it, or null when absent (a data problem)
   */
  static @Nullable CharSequence ip(Event event, int index, CharSequence family) {
    return event.fieldAt(index, Text.contentEquals(family, AF_INET) ? "sin_addr" : "sin6_addr");
  }

  /**
   * Returns the port of an internet address, as text.
   *
   * @param event the event
   * @param index the argument's index
   * @param family a family {@link #isInternet(CharSequence)} accepted
   * @return the port, or null when absent (a data problem)
   */
  static @Nullable CharSequence port(Event event, int index, CharSequence family) {
    return event.fieldAt(index, Text.contentEquals(family, AF_INET) ? "sin_port" : "sin6_port");
  }

  /**
   * Returns the path of a unix address.
   *
   * @param event the event
   * @param index the argument's index
   * @return the path, or null when absent (a data problem)
   */
  static @Nullable CharSequence path(Event event, int index) {
    return event.fieldAt(index, "sun_path");
  }
}

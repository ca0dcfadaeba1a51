package dev.sigil.signatures.contained;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The directories under which the host sees a container's files (the storage roots), and the
 * allocation-free matching of a normalised path against them.
 *
 * <p>A root is a list of segment matchers: a literal name, any one non-empty segment ({@code *}),
 * a number, or a pid other than 1 ({@code /proc/1/root/} is the host's own root when a host
 * process names it). A path lies under a root when its first segments match and at least one more
 * segment follows (or, for a root that is a file itself such as {@code /proc/<pid>/fd/<n>}, when
 * it ends there). Each root has an evidence name, tells whether the rest of the path is the path
 * inside the container, may say which segment holds the container id, and may count only for
 * execs a kernel thread starts: a core_pattern handler's {@code %P} makes
 * {@code /proc/<pid>/cwd/} and {@code /proc/<pid>/fd/<n>} paths that name a crashing container
 * process's files, while host programs use such paths for their own files every day.
 *
 * <p>Users add roots as {@code [name=]/segment/*}{@code /segment/} (see {@link #parse(String)});
 * they reveal the path inside the container and are named {@code extra-root} unless named.
 */
final class StorageRoots {
  /** The evidence name of a user-added root that has none. */
  static final String DEFAULT_EXTRA_NAME = "extra-root";

  private static final String ANY = "*";
  private static final String NUMBER = "<number>";
  private static final String PID = "<pid other than 1>";

  private final Root[] roots;
  /**
   * The first character of every root's first segment, or null when some root starts with a
   * wildcard: most host paths ({@code /usr/...}) are rejected on it before any root is tried.
   */
  private final char @Nullable [] firstCharacters;

  /** One storage root. */
  record Root(String name, String[] segments, boolean revealsContainerPath,
      int containerIdSegment, boolean kernelOnly, boolean isFile) {}

  private StorageRoots(List<Root> roots) {
    this.roots = roots.toArray(new Root[0]);
    this.firstCharacters = firstCharacters(this.roots);
  }

  private static char @Nullable [] firstCharacters(Root[] roots) {
    StringBuilder distinct = new StringBuilder();
    for (Root root : roots) {
      String first = root.segments()[0];
      if (first == ANY || first == NUMBER || first == PID) {
        return null;
      }
      if (distinct.indexOf(first.substring(0, 1)) < 0) {
        distinct.append(first.charAt(0));
      }
    }
    return distinct.toString().toCharArray();
  }

  /**
   * Returns the built-in roots followed by user-added ones.
   *
   * @param extra user-added root patterns, as {@link #parse(String)} reads them
   * @return the roots
   * @throws IllegalArgumentException when a pattern is malformed, naming it
   */
  static StorageRoots withExtra(List<String> extra) {
    List<Root> all = new ArrayList<>(builtIn());
    for (String pattern : extra) {
      all.add(parse(pattern));
    }
    return new StorageRoots(all);
  }

  private static List<Root> builtIn() {
    return List.of(
        root("docker-overlay2", true, -1, "var", "lib", "docker", "overlay2", ANY, "diff"),
        root("docker-overlay2", true, -1, "var", "lib", "docker", "overlay2", ANY, "merged"),
        root("docker-volume", false, -1, "var", "lib", "docker", "volumes", ANY, "_data"),
        root("docker-rootfs", true, 5, "var", "lib", "docker", "rootfs", "overlayfs", ANY),
        root("docker-snapshot", true, -1, "var", "lib", "docker", "containerd", "daemon",
            "io.containerd.snapshotter.v1.overlayfs", "snapshots", ANY, "fs"),
        root("docker-container-file", false, 4, "var", "lib", "docker", "containers", ANY),
        root("containerd-snapshot", true, -1, "var", "lib", "containerd",
            "io.containerd.snapshotter.v1.overlayfs", "snapshots", ANY, "fs"),
        root("containerd-rootfs", true, 4, "run", "containerd", "io.containerd.runtime.v2.task",
            ANY, ANY, "rootfs"),
        root("podman-overlay", true, -1, "var", "lib", "containers", "storage", "overlay", ANY, "diff"),
        root("podman-overlay", true, -1, "var", "lib", "containers", "storage", "overlay", ANY, "merged"),
        root("kubelet-volume", false, -1, "var", "lib", "kubelet", "pods", ANY, "volumes"),
        root("kubelet-subpath", false, -1, "var", "lib", "kubelet", "pods", ANY, "volume-subpaths"),
        root("proc-root", true, -1, "proc", PID, "root"),
        root("proc-root", true, -1, "proc", PID, "task", NUMBER, "root"),
        new Root("proc-cwd", new String[] {"proc", PID, "cwd"}, false, -1, true, false),
        new Root("proc-cwd", new String[] {"proc", PID, "task", NUMBER, "cwd"}, false, -1, true,
            false),
        new Root("proc-fd", new String[] {"proc", PID, "fd", NUMBER}, false, -1, true, true),
        new Root("proc-fd", new String[] {"proc", PID, "task", NUMBER, "fd", NUMBER}, false, -1,
            true, true));
  }

  private static Root root(String name, boolean reveals, int idSegment, String... segments) {
    return new Root(name, segments, reveals, idSegment, false, false);
  }

  /**
   * Parses a user-added root: an optional {@code name=}, then an absolute directory path whose
   * segments are names or {@code *} (any one segment), e.g.
   * {@code k3s-snapshot=/var/lib/rancher/k3s/agent/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/*}{@code /fs/}.
   *
   * @param pattern the pattern
   * @return the root
   * @throws IllegalArgumentException when it is malformed, naming it
   */
  static Root parse(String pattern) {
    String name = DEFAULT_EXTRA_NAME;
    String path = pattern;
    int equals = pattern.indexOf('=');
    if (equals >= 0 && !pattern.startsWith("/")) {
      name = pattern.substring(0, equals);
      path = pattern.substring(equals + 1);
      if (name.isBlank() || name.contains("/")) {
        throw new IllegalArgumentException("storage root '" + pattern + "' has a malformed name");
      }
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("storage root '" + pattern + "' must be an absolute path");
    }
    String trimmed = path.endsWith("/") && path.length() > 1
        ? path.substring(1, path.length() - 1) : path.substring(1);
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("storage root '" + pattern + "' must not be the root directory");
    }
    String[] segments = trimmed.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("storage root '" + pattern
            + "' must be a normal path (no empty, '.' or '..' segments)");
      }
      if (segment.contains(ANY) && !segment.equals(ANY)) {
        throw new IllegalArgumentException("storage root '" + pattern
            + "': '*' must stand for a whole segment, not part of '" + segment + "'");
      }
      if (segment.equals(ANY)) {
        segments[i] = ANY;
      }
    }
    return new Root(name, segments, true, -1, false, false);
  }

  /**
   * Finds the first root a normalised absolute path lies under. Allocates nothing.
   *
   * @param path a path in normal form (see {@link PathNormaliser#isNormal(CharSequence)})
   * @return the root's index, or -1
   */
  int match(CharSequence path) {
    if (!mayMatch(path)) {
      return -1;
    }
    for (int i = 0; i < roots.length; i++) {
      if (rootEnd(roots[i], path) > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Tells whether the root counts only for an exec a kernel thread starts; the path inside the
   * container is then the exec's {@code pathname}, not the rest of this path.
   *
   * @param index the root's index
   * @return true for {@code /proc/<pid>/cwd/} and {@code /proc/<pid>/fd/<n>}
   */
  boolean kernelOnly(int index) {
    return roots[index].kernelOnly();
  }

  /**
   * Returns the root's evidence name.
   *
   * @param index the root's index
   * @return the name
   */
  String name(int index) {
    return roots[index].name();
  }

  /**
   * Returns the path inside the container, when the root reveals it.
   *
   * @param index the root's index
   * @param path a path the root matches
   * @return the path inside the container, or null
   */
  @Nullable String containerPath(int index, CharSequence path) {
    Root root = roots[index];
    int end = rootEnd(root, path);
    return root.revealsContainerPath() && end > 0 ? path.subSequence(end, path.length()).toString() : null;
  }

  /**
   * Returns the container id, when the root's path holds it.
   *
   * @param index the root's index
   * @param path a path the root matches
   * @return the id, or null
   */
  @Nullable String containerId(int index, CharSequence path) {
    int idSegment = roots[index].containerIdSegment();
    if (idSegment < 0) {
      return null;
    }
    int position = 0;
    for (int s = 0; s < idSegment; s++) {
      position = segmentEnd(path, position + 1);
    }
    return path.subSequence(position + 1, segmentEnd(path, position + 1)).toString();
  }

  private boolean mayMatch(CharSequence path) {
    char[] firsts = firstCharacters;
    if (firsts == null) {
      return true;
    }
    if (path.length() < 2 || path.charAt(0) != '/') {
      return false;
    }
    char first = path.charAt(1);
    for (char c : firsts) {
      if (c == first) {
        return true;
      }
    }
    return false;
  }

  private static int rootEnd(Root root, CharSequence path) {
    int end = segmentsEnd(root, path);
    if (end < 0) {
      return -1;
    }
    if (end == path.length()) {
      return root.isFile() ? end : -1;
    }
    return end + 1 < path.length() && path.charAt(end) == '/' ? end : -1;
  }

  /** Where the root's segments end in the path, or -1 when they do not match. */
  private static int segmentsEnd(Root root, CharSequence path) {
    int length = path.length();
    int position = 0;
    for (String segment : root.segments()) {
      if (position >= length || path.charAt(position) != '/') {
        return -1;
      }
      int start = position + 1;
      int end = segmentEnd(path, start);
      if (end == start || !segmentMatches(segment, path, start, end)) {
        return -1;
      }
      position = end;
    }
    return position;
  }

  private static int segmentEnd(CharSequence path, int start) {
    int end = start;
    while (end < path.length() && path.charAt(end) != '/') {
      end++;
    }
    return end;
  }

  // ANY, NUMBER and PID are sentinels, compared by identity so that no user segment can mean them.
  private static boolean segmentMatches(String segment, CharSequence path, int start, int end) {
    if (segment == ANY) {
      return true;
    }
    if (segment == NUMBER || segment == PID) {
      for (int i = start; i < end; i++) {
        if (path.charAt(i) < '0' || path.charAt(i) > '9') {
          return false;
        }
      }
      return segment == NUMBER || end - start != 1 || path.charAt(start) != '1';
    }
    if (segment.length() != end - start) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (segment.charAt(i) != path.charAt(start + i)) {
        return false;
      }
    }
    return true;
  }
}

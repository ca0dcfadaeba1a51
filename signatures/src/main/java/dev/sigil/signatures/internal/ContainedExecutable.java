package dev.sigil.signatures.internal;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ByteView;
import dev.sigil.core.Counter;
import dev.sigil.core.DedupPolicy;
import dev.sigil.core.Event;
import dev.sigil.core.EventType;
import dev.sigil.core.Finding;
import dev.sigil.core.Origin;
import dev.sigil.core.Selector;
import dev.sigil.core.Severity;
import dev.sigil.core.Signature;
import dev.sigil.core.SignatureContext;
import dev.sigil.core.SignatureMetadata;
import dev.sigil.core.Stateful;
import dev.sigil.core.StringList;
import dev.sigil.core.Text;
import dev.sigil.signatures.ContainedExecutableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SGL-1001 and SGL-1002: a contained executable (a file that lives in a container's file
 * system) executed by a process on the host. After Cortex XDR's analytics of the same name.
 *
 * <p><b>One signature, two ids.</b> This one object has SGL-1001's metadata and reports the
 * kernel-thread variant under {@link #KERNEL_THREAD} (SGL-1002, HIGH) through
 * {@link SignatureContext#report(Event, SignatureMetadata, Map)}, so that both share one inode
 * index and every event is looked at once. Consequences: the engine lists, counts and saves
 * state under SGL-1001; findings carry SGL-1001 or SGL-1002; deduplication keys start with the
 * reported id, and {@code Engine.Builder.dedup("SGL-1002", ...)} overrides the variant alone.
 *
 * <p><b>What fires.</b> A {@code sched_process_exec} from the {@code host} origin whose
 * executed file is contained:
 * <ul>
 *   <li>its path ({@code pathname}, else {@code cmdpath}), normalised lexically, lies under a
 *       storage root (see {@link StorageRoots}; evidence: the root's name). {@code cmdpath} is
 *       also checked when it differs from {@code pathname} (a script run by its path: the
 *       kernel reports its interpreter as the executed file), then the script's {@code interp};
 *       a relative path is resolved against the exec's {@code pwd}; or</li>
 *   <li>its (dev, inode) was written inside a container ({@code magic_write} from a
 *       {@code container} or {@code container-init} origin whose bytes start with ELF magic or
 *       {@code #!}; evidence {@code written-in-container}) or executed inside one (a non-host
 *       {@code sched_process_exec}; evidence {@code executed-in-container}), whatever path the
 *       host uses now. The same inode number on another device is another file; or</li>
 *   <li>the executed file is a host interpreter ({@code sh}, {@code bash}, {@code dash},
 *       {@code ash}, {@code ksh}, {@code zsh}, {@code busybox}, {@code python*}, {@code perl},
 *       {@code ruby}, {@code node}, {@code php}, {@code lua}) whose first non-option argument
 *       lies under a storage root (evidence {@code interpreter-argument}; the script is the
 *       contained executable). Other programs naming a contained file ({@code cat},
 *       {@code cp}) do not fire.</li>
 * </ul>
 * The variant is SGL-1002 when {@code invoked_from_kernel} is true (or a non-zero integer) or
 * the host parent pid is 2; otherwise SGL-1001, which stays silent when the executing process
 * ({@code prev_comm}) is a container runtime ({@code runc}, {@code crun}, {@code conmon},
 * {@code dockerd}, {@code containerd}, {@code containerd-shim*}, plus the option's names; an
 * exact name also matches itself followed by {@code :}, as runc's re-executed stages
 * {@code runc:[1:CHILD]} and {@code runc:[2:INIT]} are named).
 * SGL-1002 has no allowlist.
 *
 * <p><b>Finding data</b>, in order: {@code path} (as the event gives it), {@code containerPath}
 * (when the storage root reveals it), {@code containerId} (from a containerd task root, or from
 * the container that wrote or ran the inode), {@code evidence}, {@code executingProcess}
 * ({@code prev_comm}, empty when absent), {@code hostParentPid}, {@code invokedFromKernel},
 * {@code argv}.
 *
 * <p><b>Learning</b> (off by default) applies to SGL-1001 only. Per host, from the event time of
 * the first event seen for that host: during the training period every contained execution's
 * key (host, executing process, in-container path or else normalised host path) is learned;
 * before the activation period has passed SGL-1001 does not fire; after it, it fires only for
 * keys not learned (a key first seen after activation but still within training fires once and
 * is then learned). SGL-1002 ignores learning: a kernel thread running a contained file is
 * never normal, from the first day.
 *
 * <p><b>Memory</b> is bounded: the inode index, the learned profile and the per-host first-seen
 * times each hold at most their capacity and evict the least recently used entry. Counters in
 * the engine's statistics: {@code inodes}, {@code profileKeys}, {@code hosts} (current sizes),
 * {@code inodeEvictions}, {@code profileEvictions}, {@code hostEvictions},
 * {@code allowlisted}, {@code silencedByActivation}, {@code silencedByLearning}.
 *
 * <p><b>Cost.</b> A host exec that is not contained and every container-origin exec of a known
 * inode allocate nothing; a path that is not in normal form is normalised into a re-used buffer;
 * recording a new inode allocates only its container id (and array growth up to the capacity).
 */
public final class ContainedExecutable implements Signature, Stateful {
  private static final String DESCRIPTION_CONTEXT = " A contained executable is a file that lives"
      + " in a container's filesystem: under a container storage root on the host, or written or"
      + " executed inside a container. An adversary who controls a container can plant a file"
      + " there and have the host run it, gaining privileged command execution on the host.";

  /** SGL-1001: a contained executable run by an unusual host process. */
  public static final SignatureMetadata UNUSUAL_PROCESS = SignatureMetadata.builder("SGL-1001")
      .version("1")
      .name("A contained executable was executed by an unusual process")
      .eventName("contained_executable_executed")
      .description("A process on the host that is not a container runtime doing its job executed"
          + " a contained executable. Running a contained executable from the host is highly"
          + " dangerous and atypical." + DESCRIPTION_CONTEXT)
      .severity(Severity.MEDIUM)
      .category("privilege-escalation")
      .technique("Escape to Host")
      .mitre("T1611", "attack-pattern--4a5b7ade-8bb5-4853-84ed-23f262002665")
      .build();

  /** SGL-1002: a contained executable run by a child of the kernel thread daemon. */
  public static final SignatureMetadata KERNEL_THREAD = UNUSUAL_PROCESS.toBuilder()
      .id("SGL-1002")
      .name("A contained executable was executed by the Linux kernel thread daemon")
      .description("A usermode helper started by the kernel thread daemon (kthreadd), such as a"
          + " core_pattern pipe handler, a cgroup v1 release_agent or modprobe, executed a"
          + " contained executable. Kernel helpers never run container files legitimately: this"
          + " is a likely container escape." + DESCRIPTION_CONTEXT)
      .severity(Severity.HIGH)
      .build();

  static final String WRITTEN_IN_CONTAINER = "written-in-container";
  static final String EXECUTED_IN_CONTAINER = "executed-in-container";
  static final String INTERPRETER_ARGUMENT = "interpreter-argument";
  static final int WRITTEN = 1;
  static final int EXECUTED = 2;

  private static final EventType EXEC = EventType.of("sched_process_exec");
  private static final EventType MAGIC_WRITE = EventType.of("magic_write");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey CMDPATH = ArgKey.of("cmdpath");
  private static final ArgKey DEV = ArgKey.of("dev");
  private static final ArgKey INODE = ArgKey.of("inode");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey ARGV = ArgKey.of("argv");
  private static final ArgKey INVOKED_FROM_KERNEL = ArgKey.of("invoked_from_kernel");
  private static final ArgKey PREV_COMM = ArgKey.of("prev_comm");
  private static final ArgKey INTERP = ArgKey.of("interp");
  private static final ArgKey PWD = ArgKey.of("pwd");
  private static final long ABSENT = Long.MIN_VALUE;
  private static final int KTHREADD_PID = 2;
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final byte[] SHEBANG = {'#', '!'};
  private static final String[] INTERPRETERS =
      {"sh", "bash", "dash", "ash", "ksh", "zsh", "busybox", "perl", "ruby", "node", "php", "lua"};
  private static final String[] INTERPRETER_PREFIXES = {"python"};
  private static final String[][] INTERPRETERS_BY_FIRST = byFirstCharacter(INTERPRETERS);
  private static final String[][] INTERPRETER_PREFIXES_BY_FIRST =
      byFirstCharacter(INTERPRETER_PREFIXES);
  private static final List<String> BUILT_IN_RUNTIMES =
      List.of("runc", "crun", "conmon", "dockerd", "containerd", "containerd-shim*");
  private static final List<Selector> SELECTORS = List.of(
      Selector.event("sched_process_exec"),
      Selector.of("magic_write", Origin.CONTAINER),
      Selector.of("magic_write", Origin.CONTAINER_INIT));

  private final ContainedExecutableOptions options;
  private final StorageRoots roots;
  private final String[] runtimeNames;
  private final String[] runtimePrefixes;
  private final ContainedExecutableState state;
  private final StringBuilder pathBuffer = new StringBuilder(256);
  private final StringBuilder argumentBuffer = new StringBuilder(256);
  private final StringBuilder joinBuffer = new StringBuilder(256);
  private @Nullable String lastContainerId;
  private Counter allowlisted = new Counter("allowlisted");
  private Counter silencedByActivation = new Counter("silencedByActivation");
  private Counter silencedByLearning = new Counter("silencedByLearning");

  /** Creates the signatures with default options (for {@link java.util.ServiceLoader}). */
  public ContainedExecutable() {
    this(ContainedExecutableOptions.defaults());
  }

  /**
   * Creates the signatures.
   *
   * @param options the options
   */
  public ContainedExecutable(ContainedExecutableOptions options) {
    this.options = options;
    this.roots = StorageRoots.withExtra(options.extraStorageRoots());
    List<String> names = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    List<String> runtimes = new ArrayList<>(BUILT_IN_RUNTIMES);
    runtimes.addAll(options.extraRuntimeAllowlist());
    for (String runtime : runtimes) {
      if (runtime.endsWith("*")) {
        prefixes.add(runtime.substring(0, runtime.length() - 1));
      } else {
        names.add(runtime);
      }
    }
    this.runtimeNames = names.toArray(new String[0]);
    this.runtimePrefixes = prefixes.toArray(new String[0]);
    this.state = new ContainedExecutableState(
        options.inodeCapacity(), options.profileCapacity(), options.hostCapacity());
  }

  /** SGL-1002, reported by this signature under its own id. */
  @Override
  public List<SignatureMetadata> variants() {
    return List.of(KERNEL_THREAD);
  }

  @Override
  public SignatureMetadata metadata() {
    return UNUSUAL_PROCESS;
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void init(SignatureContext signatureContext) {
    state.bindCounters(signatureContext);
    allowlisted = signatureContext.counter("allowlisted");
    silencedByActivation = signatureContext.counter("silencedByActivation");
    silencedByLearning = signatureContext.counter("silencedByLearning");
  }

  /**
   * Deduplicates both ids by (reported id, host name, executing process, normalised path) over
   * the options' deduplication period.
   *
   * @return the policy
   */
  @Override
  public DedupPolicy defaultDedup() {
    return new DedupPolicy(options.dedupPeriod(), ContainedExecutable::dedupKey);
  }

  private static String dedupKey(Finding finding) {
    Object path = finding.data().get("path");
    return finding.event().hostName() + "\u0000" + finding.data().get("executingProcess") + "\u0000"
        + (path == null ? "" : PathNormaliser.normalised(path.toString()));
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    long firstSeen = options.learning() ? state.hostFirstSeen(event.hostName(), ctx.eventTime()) : 0;
    if (event.type() == MAGIC_WRITE) {
      onContainerWrite(ctx, event);
    } else if (event.type() == EXEC) {
      if (event.origin() == Origin.HOST) {
        onHostExec(ctx, event, firstSeen);
      } else {
        recordInode(ctx, event, EXECUTED);
      }
    }
  }

  private void onContainerWrite(SignatureContext ctx, Event event) {
    ByteView bytes = event.bytes(BYTES);
    if (bytes == null) {
      ctx.dataProblem("magic_write without decodable bytes");
      return;
    }
    if (bytes.startsWith(ELF_MAGIC) || bytes.startsWith(SHEBANG)) {
      recordInode(ctx, event, WRITTEN);
    }
  }

  private void recordInode(SignatureContext ctx, Event event, int how) {
    long dev = event.longValue(DEV, ABSENT);
    long inode = event.longValue(INODE, ABSENT);
    if (dev == ABSENT || inode == ABSENT) {
      ctx.dataProblem("container file event without dev or inode");
      return;
    }
    int entry = state.recordInode(dev, inode, how);
    CharSequence id = event.containerId();
    String known = state.inodeContainerId(entry);
    if (id.length() > 0 && (known == null || !sameCharacters(known, id))) {
      state.inodeContainerId(entry, containerId(id));
    }
  }

  /**
   * {@link Text#contentEquals(CharSequence, CharSequence)} for a known id, in a call site of its
   * own: its type profile keeps {@code charAt} inlined where the shared helper's has seen every
   * kind of view.
   */
  private static boolean sameCharacters(String known, CharSequence id) {
    int length = known.length();
    if (length != id.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@link Text#contentEquals(CharSequence, CharSequence)} for two of the event's paths, likewise. */
  private static boolean samePath(CharSequence a, CharSequence b) {
    int length = a.length();
    if (length != b.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Re-uses the last container id string while the same container keeps writing. */
  private String containerId(CharSequence id) {
    String last = lastContainerId;
    if (last != null && sameCharacters(last, id)) {
      return last;
    }
    String copy = id.toString();
    lastContainerId = copy;
    return copy;
  }

  private void onHostExec(SignatureContext ctx, Event event, long firstSeen) {
    CharSequence pathname = nonEmpty(event.string(PATHNAME));
    CharSequence cmdpath = nonEmpty(event.string(CMDPATH));
    CharSequence path = pathname != null ? pathname : cmdpath;
    if (path == null) {
      ctx.dataProblem("sched_process_exec without pathname or cmdpath");
      return;
    }
    long dev = event.longValue(DEV, ABSENT);
    long inode = event.longValue(INODE, ABSENT);
    int inodeEntry = dev == ABSENT || inode == ABSENT ? -1 : state.findInode(dev, inode);
    // pathname first; then cmdpath, which differs for a script run by its path (the kernel
    // reports the interpreter as the executed file); then a script's #! interpreter.
    if (fireIfUnderRoot(ctx, event, firstSeen, path, inodeEntry)
        || (pathname != null && cmdpath != null && !samePath(pathname, cmdpath)
            && fireIfUnderRoot(ctx, event, firstSeen, cmdpath, inodeEntry))) {
      return;
    }
    CharSequence interp = nonEmpty(event.string(INTERP));
    if (interp != null && !samePath(interp, path)
        && fireIfUnderRoot(ctx, event, firstSeen, interp, inodeEntry)) {
      return;
    }
    if (inodeEntry >= 0) {
      String evidence = (state.inodeHow(inodeEntry) & WRITTEN) != 0
          ? WRITTEN_IN_CONTAINER : EXECUTED_IN_CONTAINER;
      CharSequence normal = resolve(path, event, pathBuffer);
      fire(ctx, event, firstSeen, path, normal == null ? path : normal, -1, evidence, inodeEntry);
    } else if (isInterpreter(path)) {
      CharSequence script = firstNonOptionArgument(event.strings(ARGV));
      CharSequence scriptNormal = script == null ? null : resolve(script, event, argumentBuffer);
      int scriptRoot = scriptNormal == null ? -1 : roots.match(scriptNormal);
      if (script != null && scriptNormal != null && scriptRoot >= 0) {
        fire(ctx, event, firstSeen, script, scriptNormal, scriptRoot, INTERPRETER_ARGUMENT, -1);
      }
    }
  }

  private static @Nullable CharSequence nonEmpty(@Nullable CharSequence text) {
    return text == null || text.length() == 0 ? null : text;
  }

  /** Fires (or stays silent, as the rules say) when the path is under a storage root. */
  private boolean fireIfUnderRoot(SignatureContext ctx, Event event, long firstSeen, CharSequence path,
      int inodeEntry) {
    CharSequence normal = resolve(path, event, pathBuffer);
    int root = normal == null ? -1 : roots.match(normal);
    if (normal == null || root < 0) {
      return false;
    }
    fire(ctx, event, firstSeen, path, normal, root, roots.name(root), inodeEntry);
    return true;
  }

  /**
   * Returns the normal form of a path: the path itself when already normal (no allocation),
   * else written into {@code buffer}; a relative path is resolved against the working
   * directory. Null when the path is relative and the working directory unknown.
   */
  private @Nullable CharSequence resolve(CharSequence path, Event event, StringBuilder buffer) {
    if (PathNormaliser.isNormal(path)) {
      return path;
    }
    if (path.charAt(0) == '/') {
      PathNormaliser.normalise(path, buffer);
      return buffer;
    }
    // Looked up only here: most paths are absolute, and pwd is among an exec's last arguments.
    CharSequence pwd = event.string(PWD);
    if (pwd == null || pwd.length() == 0 || pwd.charAt(0) != '/') {
      return null;
    }
    joinBuffer.setLength(0);
    joinBuffer.append(pwd).append('/').append(path);
    PathNormaliser.normalise(joinBuffer, buffer);
    return buffer;
  }

  /**
   * Tells whether the basename is one of {@link #INTERPRETERS} or starts with one of
   * {@link #INTERPRETER_PREFIXES}. Names are looked up by the basename's first character, so
   * that most programs are rejected after reading one character of their name.
   */
  private static boolean isInterpreter(CharSequence path) {
    int length = path.length();
    int start = length;
    while (start > 0 && path.charAt(start - 1) != '/') {
      start--;
    }
    if (start == length) {
      return false;
    }
    char first = path.charAt(start);
    if (first >= INTERPRETERS_BY_FIRST.length) {
      return false;
    }
    int basenameLength = length - start;
    for (String name : INTERPRETERS_BY_FIRST[first]) {
      if (name.length() == basenameLength && named(path, start, name)) {
        return true;
      }
    }
    for (String prefix : INTERPRETER_PREFIXES_BY_FIRST[first]) {
      if (prefix.length() <= basenameLength && named(path, start, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} occurs at {@code start} (the caller has checked the length). */
  private static boolean named(CharSequence path, int start, String name) {
    for (int i = 0; i < name.length(); i++) {
      if (path.charAt(start + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Names by their first (ASCII) character; no name is an empty array. */
  private static String[][] byFirstCharacter(String[] names) {
    String[][] table = new String[128][];
    for (char c = 0; c < table.length; c++) {
      List<String> starting = new ArrayList<>();
      for (String name : names) {
        if (name.charAt(0) == c) {
          starting.add(name);
        }
      }
      table[c] = starting.toArray(new String[0]);
    }
    return table;
  }

  private static @Nullable CharSequence firstNonOptionArgument(@Nullable StringList argv) {
    if (argv == null) {
      return null;
    }
    for (int i = 1; i < argv.size(); i++) {
      CharSequence argument = argv.get(i);
      if (argument.length() > 0 && argument.charAt(0) != '-') {
        return argument;
      }
    }
    return null;
  }

  /** An exact name, or the name then {@code :} (runc re-executes itself as {@code runc:[2:INIT]}). */
  private boolean isRuntime(CharSequence process) {
    for (String name : runtimeNames) {
      if (Text.contentEquals(process, name)
          || (Text.startsWith(process, name) && process.length() > name.length()
              && process.charAt(name.length()) == ':')) {
        return true;
      }
    }
    for (String prefix : runtimePrefixes) {
      if (Text.startsWith(process, prefix)) {
        return true;
      }
    }
    return false;
  }

  private void fire(SignatureContext ctx, Event event, long firstSeen, CharSequence path,
      CharSequence normal, int root, String evidence, int inodeEntry) {
    boolean invokedFromKernel = event.bool(INVOKED_FROM_KERNEL, false);
    boolean kernelThread = invokedFromKernel || event.hostParentProcessId() == KTHREADD_PID;
    CharSequence prevComm = event.string(PREV_COMM);
    CharSequence process = prevComm == null ? "" : prevComm;
    String containerPath = root >= 0 ? roots.containerPath(root, normal) : null;
    if (!kernelThread) {
      if (isRuntime(process)) {
        allowlisted.increment();
        return;
      }
      if (options.learning() && !judgeByProfile(ctx, event, firstSeen, process,
          containerPath != null ? containerPath : normal)) {
        return;
      }
    }
    String containerId = root >= 0 ? roots.containerId(root, normal) : null;
    if (containerId == null && inodeEntry >= 0) {
      containerId = state.inodeContainerId(inodeEntry);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("path", path.toString());
    if (containerPath != null) {
      data.put("containerPath", containerPath);
    }
    if (containerId != null) {
      data.put("containerId", containerId);
    }
    data.put("evidence", evidence);
    data.put("executingProcess", process.toString());
    data.put("hostParentPid", event.hostParentProcessId());
    data.put("invokedFromKernel", invokedFromKernel);
    StringList argv = event.strings(ARGV);
    data.put("argv", argv == null ? List.of() : argv.toList());
    if (kernelThread) {
      ctx.report(event, KERNEL_THREAD, data);
    } else {
      ctx.report(event, data);
    }
  }

  /** Learns during training; returns whether SGL-1001 may fire. */
  private boolean judgeByProfile(SignatureContext ctx, Event event, long firstSeen,
      CharSequence process, CharSequence path) {
    long elapsed = ctx.eventTime() - firstSeen;
    String key = LearnedProfile.key(event.hostName(), process, path);
    boolean learned = state.isLearned(key);
    if (elapsed < options.trainingPeriod().toNanos()) {
      state.learn(key);
    }
    if (elapsed < options.activationPeriod().toNanos()) {
      silencedByActivation.increment();
      return false;
    }
    if (learned) {
      silencedByLearning.increment();
      return false;
    }
    return true;
  }

  /**
   * Returns the learned profile, the per-host first-seen times and the inode index as a
   * versioned tree (see {@link ContainedExecutableState}).
   *
   * @return the tree
   */
  @Override
  public Object saveState() {
    return state.save();
  }

  /**
   * Replaces the state with a saved one; a corrupt tree leaves the current state unchanged.
   *
   * @param saved a tree {@link #saveState()} returned
   * @throws IllegalArgumentException when the tree is not such a state, saying what is wrong
   */
  @Override
  public void restoreState(@Nullable Object saved) {
    state.restore(saved);
  }

  /**
   * Returns the current sizes, for tests and diagnostics: inodes, profile keys, hosts.
   *
   * @return three sizes
   */
  int[] sizes() {
    return new int[] {state.inodeCount(), state.profileSize(), state.hostCount()};
  }
}

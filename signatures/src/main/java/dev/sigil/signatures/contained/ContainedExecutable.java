package dev.sigil.signatures.contained;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SGL-1001 and SGL-1002: a contained executable (a file that lives in a container's file
 * system) executed by a process on the host, after Cortex XDR's analytics of the same name. The
 * README's "Built-in signatures" section is the specification: what makes a file contained,
 * which evidence each finding carries, the runtime allowlist, learning and the finding's data.
 *
 * <p><b>One signature, two ids.</b> This one object has SGL-1001's metadata and reports the
 * kernel-thread variant under {@link #KERNEL_THREAD} (SGL-1002) through
 * {@link SignatureContext#report(Event, SignatureMetadata, Map)}, and declares it among its
 * {@link #variants()}, so that both share one record of written files and every event is looked
 * at once. The engine lists and saves state under SGL-1001 and counts findings per reported id;
 * deduplication keys start with the reported id.
 *
 * <p><b>Made of</b> {@link StorageRoots} and {@link PathResolver} (is a path contained?),
 * {@link Interpreters}, {@link ScriptArguments} and {@link RuntimeAllowlist} (process names and
 * command lines), {@link ProfileJudge} (learning) and {@link ContainedExecutableState} (the
 * bounded indexes of written files and their saved form).
 *
 * <p><b>Cost.</b> A host exec that does not fire (not contained, or allowlisted) allocates
 * nothing; a container write of a known file allocates nothing, and of a new one only a new
 * container's id (and array growth up to the capacity).
 *
 * <p><b>Bounded, and not flushable.</b> The files written are remembered within a budget per
 * kind of header (ELF, {@code #!}, header prefix) shared fairly between containers
 * ({@link WrittenFileIndex}): a flood of scripts never evicts an ELF file, and one container's
 * flood never evicts another container's files while that one stays within its share. A budget
 * that starts evicting says so once ({@link SignatureContext#notice(String)}).
 */
public final class ContainedExecutable implements Signature, Stateful {
  private static final String DESCRIPTION_CONTEXT = " A contained executable is a file that lives"
      + " in a container's filesystem: under a container storage root on the host, or written"
      + " inside a container. An adversary who controls a container can plant a file"
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
  static final String WRITTEN_IN_CONTAINER_PATH = "written-in-container-path";
  static final String INTERPRETER_ARGUMENT = "interpreter-argument";

  private static final EventType MAGIC_WRITE = EventType.of("magic_write");
  private static final ArgKey PATHNAME = ArgKey.of("pathname");
  private static final ArgKey CMDPATH = ArgKey.of("cmdpath");
  private static final ArgKey DEV = ArgKey.of("dev");
  private static final ArgKey INODE = ArgKey.of("inode");
  private static final ArgKey BYTES = ArgKey.of("bytes");
  private static final ArgKey ARGV = ArgKey.of("argv");
  private static final ArgKey ENV = ArgKey.of("env");
  private static final ArgKey INVOKED_FROM_KERNEL = ArgKey.of("invoked_from_kernel");
  private static final ArgKey PREV_COMM = ArgKey.of("prev_comm");
  private static final ArgKey INTERP = ArgKey.of("interp");
  private static final long ABSENT = Long.MIN_VALUE;
  private static final int KTHREADD_PID = 2;
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final byte[] SHEBANG = {'#', '!'};
  private static final String LOADER_TRACING = "LD_TRACE_LOADED_OBJECTS=";
  /** Container ids interned at once: far more than a node runs. */
  private static final int CONTAINER_IDS = 4096;
  private static final List<Selector> SELECTORS = List.of(
      Selector.of("sched_process_exec", Origin.HOST),
      Selector.of("magic_write", Origin.CONTAINER),
      Selector.of("magic_write", Origin.CONTAINER_INIT));

  private final Settings settings;
  private final StorageRoots roots;
  private final RuntimeAllowlist runtimes;
  private final ContainedExecutableState state;
  private final ProfileJudge judge;
  private final PathResolver paths = new PathResolver();
  private final ScriptArguments scripts = new ScriptArguments();
  private final StringBuilder writtenPath = new StringBuilder(256);
  private final LruIndex containerIds = new LruIndex(CONTAINER_IDS);
  // Set by init, which the engine calls before any event; counters come from the context only.
  private Counter allowlisted;

  /** Creates the signatures with default settings (for {@link java.util.ServiceLoader}). */
  public ContainedExecutable() {
    this(Settings.DEFAULTS);
  }

  /**
   * Creates the signatures.
   *
   * @param settings the settings
   * @throws IllegalArgumentException when they are invalid (see {@link Settings#validate()})
   */
  public ContainedExecutable(Settings settings) {
    this.settings = settings.validate();
    this.roots = StorageRoots.withExtra(settings.extraStorageRoots());
    this.runtimes = new RuntimeAllowlist(settings.extraRuntimeAllowlist());
    this.state = new ContainedExecutableState(
        settings.writtenFileCapacities(), settings.profileCapacity(), settings.hostCapacity());
    this.judge = new ProfileJudge(settings, state);
  }

  @Override
  public SignatureMetadata metadata() {
    return UNUSUAL_PROCESS;
  }

  /** SGL-1002, reported by this signature under its own id. */
  @Override
  public List<SignatureMetadata> variants() {
    return List.of(KERNEL_THREAD);
  }

  @Override
  public List<Selector> selectors() {
    return SELECTORS;
  }

  @Override
  public void init(SignatureContext signatureContext) {
    state.bindCounters(signatureContext);
    judge.bindCounters(signatureContext);
    allowlisted = signatureContext.counter("allowlisted");
  }

  /**
   * Deduplicates both ids by (reported id, host name, executing process, normalised path) over
   * the settings' deduplication period.
   *
   * @return the policy
   */
  @Override
  public DedupPolicy defaultDedup() {
    return new DedupPolicy(settings.dedupPeriod(), ContainedExecutable::dedupKey);
  }

  private static String dedupKey(Finding finding) {
    Object path = finding.data().get("path");
    return finding.event().hostName() + "\u0000" + finding.data().get("executingProcess") + "\u0000"
        + (path == null ? "" : PathNormaliser.normalised(path.toString()));
  }

  @Override
  public void onEvent(Event event, SignatureContext ctx) {
    if (event.type() == MAGIC_WRITE) {
      onContainerWrite(ctx, event);
    } else {
      onHostExec(ctx, event);
    }
  }

  // ---- files written in containers

  private void onContainerWrite(SignatureContext ctx, Event event) {
    ByteView bytes = event.bytes(BYTES);
    if (bytes == null) {
      ctx.dataProblem("magic_write without decodable bytes");
      return;
    }
    HeaderKind kind = headerKind(bytes);
    if (kind == null) {
      return;
    }
    CharSequence id = event.containerId();
    String containerId = id.length() == 0 ? "" : containerId(id);
    recordPath(event.string(PATHNAME), kind, containerId);
    long dev = event.longValue(DEV, ABSENT);
    long inode = event.longValue(INODE, ABSENT);
    if (dev == ABSENT || inode == ABSENT) {
      ctx.dataProblem("magic_write without dev or inode");
      return;
    }
    state.recordInode(dev, inode, kind, containerId);
  }

  /**
   * ELF magic, {@code #!}, or a proper prefix of either (a header written in pieces has only its
   * first piece at offset 0, the one write Tracee reports); null for anything else.
   */
  private static @Nullable HeaderKind headerKind(ByteView bytes) {
    int length = bytes.length();
    if (length == 0) {
      return null;
    }
    if (bytes.byteAt(0) == SHEBANG[0]) {
      return length == 1 ? HeaderKind.HEADER_PREFIX
          : bytes.byteAt(1) == SHEBANG[1] ? HeaderKind.SCRIPT : null;
    }
    for (int i = 0; i < Math.min(length, ELF_MAGIC.length); i++) {
      if (bytes.byteAt(i) != ELF_MAGIC[i]) {
        return null;
      }
    }
    return length >= ELF_MAGIC.length ? HeaderKind.ELF : HeaderKind.HEADER_PREFIX;
  }

  private void recordPath(@Nullable CharSequence pathname, HeaderKind kind, String containerId) {
    if (pathname == null || pathname.length() == 0 || pathname.charAt(0) != '/') {
      return;
    }
    CharSequence normal = pathname;
    if (!PathNormaliser.isNormal(pathname)) {
      PathNormaliser.normalise(pathname, writtenPath);
      normal = writtenPath;
    }
    state.recordPathAndBelowFirstDirectory(normal, kind, containerId);
  }

  /**
   * Returns the container id as a String, the same one for every write of a container: ids are
   * interned in a bounded index, so that files written by many containers in turn allocate
   * nothing once each container has been seen.
   */
  private String containerId(CharSequence id) {
    long a = TextHash.fnv1a(id, 0, id.length());
    long b = TextHash.polynomial(id, 0, id.length());
    int entry = containerIds.find(a, b);
    if (entry >= 0) {
      containerIds.touch(entry);
      return (String) Objects.requireNonNull(containerIds.attachment(entry));
    }
    String copy = id.toString();
    containerIds.attachment(containerIds.insert(a, b), copy);
    return copy;
  }

  // ---- host execs

  private void onHostExec(SignatureContext ctx, Event event) {
    long firstSeen = judge.firstSeen(event, ctx);
    CharSequence pathname = nonEmpty(event.string(PATHNAME));
    CharSequence cmdpath = nonEmpty(event.string(CMDPATH));
    CharSequence path = pathname != null ? pathname : cmdpath;
    if (path == null) {
      ctx.dataProblem("sched_process_exec without pathname or cmdpath");
      return;
    }
    boolean cmdpathDiffers = pathname != null && cmdpath != null
        && !PathResolver.samePath(pathname, cmdpath);
    CharSequence interp = nonEmpty(event.string(INTERP));
    // pathname first; then cmdpath, which differs for a script run by its path (the kernel
    // reports the interpreter as the executed file) and for a path through a magic link; then
    // a script's #! interpreter. One call in a loop rather than three: the JIT compiles (and
    // inlines) the root check once, which on a busy machine brings the compiled code sooner.
    for (int step = 0; step < 3; step++) {
      CharSequence candidate = step == 0 ? path
          : step == 1 ? (cmdpathDiffers ? cmdpath : null)
          : (interp != null && !PathResolver.samePath(interp, path) ? interp : null);
      if (candidate != null
          && fireIfUnderRoot(ctx, event, firstSeen, candidate, step == 1 ? pathname : null)) {
        return;
      }
    }
    long dev = event.longValue(DEV, ABSENT);
    long inode = event.longValue(INODE, ABSENT);
    int inodeEntry = dev == ABSENT || inode == ABSENT ? -1 : state.findInode(dev, inode);
    if (inodeEntry >= 0) {
      CharSequence normal = paths.path(path, event);
      fire(ctx, event, firstSeen, path, normal == null ? path : normal, -1, WRITTEN_IN_CONTAINER,
          state.inodeContainerId(inodeEntry), null);
      return;
    }
    // When the kernel ran cmdpath as a #! script, interp is its interpreter and the exec's
    // inode the interpreter's: the script's path is the only link to a container's write.
    if (cmdpath != null && interp != null && !PathResolver.samePath(interp, cmdpath)
        && fireIfWrittenInContainer(ctx, event, firstSeen, cmdpath, false)) {
      return;
    }
    int family = Interpreters.family(path);
    if (family == Interpreters.NONE && cmdpathDiffers && cmdpath != null) {
      family = Interpreters.family(cmdpath);
    }
    if (family != Interpreters.NONE) {
      onInterpreter(ctx, event, firstSeen, family);
    }
  }

  private static @Nullable CharSequence nonEmpty(@Nullable CharSequence text) {
    return text == null || text.length() == 0 ? null : text;
  }

  /**
   * Fires (or stays silent, as the rules say) when the path is under a storage root.
   *
   * @param inside the path inside the container when the root is a kernel helper's magic link
   *     (the exec's pathname), else null
   */
  private boolean fireIfUnderRoot(SignatureContext ctx, Event event, long firstSeen,
      CharSequence path, @Nullable CharSequence inside) {
    CharSequence normal = paths.path(path, event);
    int root = normal == null ? -1 : rootOf(normal, event);
    if (normal == null || root < 0) {
      return false;
    }
    fire(ctx, event, firstSeen, path, normal, root, roots.name(root), null, inside);
    return true;
  }

  /** The storage root of a normalised path; a kernel helper's magic link counts only for one. */
  private int rootOf(CharSequence normal, Event event) {
    int root = roots.match(normal);
    return root >= 0 && roots.kernelOnly(root) && !isKernelThread(event) ? -1 : root;
  }

  private static boolean isKernelThread(Event event) {
    return event.bool(INVOKED_FROM_KERNEL, false) || event.hostParentProcessId() == KTHREADD_PID;
  }

  /** Fires when the path (a script or a program argument) is one a container wrote. */
  private boolean fireIfWrittenInContainer(SignatureContext ctx, Event event, long firstSeen,
      CharSequence path, boolean loader) {
    CharSequence normal = paths.argument(path, event);
    int entry = normal == null ? -1 : state.findPath(normal);
    if (normal == null || entry < 0) {
      return false;
    }
    if (!loader || !isTracingLoader(event)) {
      fire(ctx, event, firstSeen, path, normal, -1, WRITTEN_IN_CONTAINER_PATH,
          state.pathContainerId(entry), null);
    }
    return true;
  }

  private void onInterpreter(SignatureContext ctx, Event event, long firstSeen, int family) {
    StringList argv = event.strings(ARGV);
    if (argv == null) {
      return;
    }
    scripts.find(family, argv);
    if (scripts.first < 0) {
      return;
    }
    boolean loader = family == Interpreters.LOADER;
    if (!fireIfScript(ctx, event, firstSeen, argv, scripts.first, scripts.offset, scripts.command,
        loader) && scripts.second >= 0) {
      fireIfScript(ctx, event, firstSeen, argv, scripts.second, 0, false, loader);
    }
  }

  /** Fires when an interpreter's file argument is contained: under a root, or written by one. */
  private boolean fireIfScript(SignatureContext ctx, Event event, long firstSeen, StringList argv,
      int index, int offset, boolean command, boolean loader) {
    CharSequence argument = argv.get(index);
    CharSequence script = command ? paths.commandWord(argument)
        : offset > 0 ? paths.tail(argument, offset) : argument;
    if (script == null || script.length() == 0) {
      return false;
    }
    CharSequence normal = paths.argument(script, event);
    int root = normal == null ? -1 : rootOf(normal, event);
    if (normal != null && root >= 0) {
      if (!loader || !isTracingLoader(event)) {
        fire(ctx, event, firstSeen, script, normal, root, INTERPRETER_ARGUMENT, null, null);
      }
      return true;
    }
    return fireIfWrittenInContainer(ctx, event, firstSeen, script, loader);
  }

  /**
   * Whether the dynamic loader only lists the program's libraries: glibc's {@code ldd} runs
   * {@code ld.so --verify}, then the loader with {@code LD_TRACE_LOADED_OBJECTS} set (seen when
   * Tracee reports the environment).
   */
  private static boolean isTracingLoader(Event event) {
    StringList env = event.strings(ENV);
    if (env == null) {
      return false;
    }
    for (int i = 0; i < env.size(); i++) {
      if (Text.startsWith(env.get(i), LOADER_TRACING)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports, unless SGL-1001's allowlist or learning silences it (SGL-1002 has neither).
   *
   * @param normal the path's normal form
   * @param root the storage root it lies under, or -1
   * @param containerId the container that wrote the file, when the evidence is a write
   * @param inside the path inside the container for a kernel helper's magic link, else null
   */
  private void fire(SignatureContext ctx, Event event, long firstSeen, CharSequence path,
      CharSequence normal, int root, String evidence, @Nullable String containerId,
      @Nullable CharSequence inside) {
    boolean invokedFromKernel = event.bool(INVOKED_FROM_KERNEL, false);
    boolean kernelThread = invokedFromKernel || event.hostParentProcessId() == KTHREADD_PID;
    CharSequence prevComm = event.string(PREV_COMM);
    CharSequence process = prevComm == null ? "" : prevComm;
    if (!kernelThread && runtimes.contains(process)) {
      allowlisted.increment();
      return;
    }
    String containerPath = root < 0 ? null
        : inside != null && roots.kernelOnly(root) ? PathNormaliser.normalised(inside)
        : roots.containerPath(root, normal);
    if (!kernelThread && !judge.allows(ctx, event, firstSeen, process,
        containerPath != null ? containerPath : normal)) {
      return;
    }
    String id = root >= 0 ? roots.containerId(root, normal) : null;
    if (id == null) {
      id = containerId;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("path", path.toString());
    if (containerPath != null) {
      data.put("containerPath", containerPath);
    }
    if (id != null) {
      data.put("containerId", id);
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
   * Returns the current sizes, for tests and diagnostics: inodes, profile keys, hosts, paths.
   *
   * @return four sizes
   */
  int[] sizes() {
    return new int[] {state.inodeCount(), state.profileSize(), state.hostCount(), state.pathCount()};
  }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SGL-1001 and SGL-1002: a contained executable (a file that lives in a container's file
 * system) executed by a process on the host, after Cortex XDR's analytics of the same name. The
 * README's "Built-in signatures" section is the specification: what makes a file contained,
 * which evidence each finding carries, the runtime allowlist, learning and the finding's data.
 *
 * <p><b>One signature, two ids.</b> This one object has SGL-1001's metadata and reports the
 * kernel-thread variant under {@link #KERNEL_THREAD} (SGL-1002) through
 * {@link SignatureContext#report(Event, SignatureMetadata, Map)}, so that both share one inode
 * index and every event is looked at once. The engine lists, counts and saves state under
 * SGL-1001; deduplication keys start with the reported id.
 *
 * <p><b>Made of</b> {@link StorageRoots} and {@link PathResolver} (is a path contained?),
 * {@link Interpreters} and {@link RuntimeAllowlist} (process names), {@link ProfileJudge}
 * (learning) and {@link ContainedExecutableState} (the bounded indexes and their saved form).
 *
 * <p><b>Cost.</b> A host exec that is not contained and every container-origin exec of a known
 * inode allocate nothing; recording a new inode allocates only its container id (and array
 * growth up to the capacity).
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
  private static final long ABSENT = Long.MIN_VALUE;
  private static final int KTHREADD_PID = 2;
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final byte[] SHEBANG = {'#', '!'};
  private static final List<Selector> SELECTORS = List.of(
      Selector.event("sched_process_exec"),
      Selector.of("magic_write", Origin.CONTAINER),
      Selector.of("magic_write", Origin.CONTAINER_INIT));

  private final Settings settings;
  private final StorageRoots roots;
  private final RuntimeAllowlist runtimes;
  private final ContainedExecutableState state;
  private final ProfileJudge judge;
  private final PathResolver paths = new PathResolver();
  private @Nullable String lastContainerId;
  private Counter allowlisted = new Counter("allowlisted");

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
        settings.inodeCapacity(), settings.profileCapacity(), settings.hostCapacity());
    this.judge = new ProfileJudge(settings, state);
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
    long firstSeen = judge.firstSeen(event, ctx);
    if (event.type() == MAGIC_WRITE) {
      onContainerWrite(ctx, event);
    } else if (event.type() == EXEC) {
      if (event.origin() == Origin.HOST) {
        onHostExec(ctx, event, firstSeen);
      } else {
        recordInode(ctx, event, ContainedExecutableState.EXECUTED);
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
      recordInode(ctx, event, ContainedExecutableState.WRITTEN);
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
   * {@link dev.sigil.core.Text#contentEquals(CharSequence, CharSequence)} for a known id, in a
   * call site of its own: its type profile keeps {@code charAt} inlined where the shared
   * helper's has seen every kind of view.
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
        || (pathname != null && cmdpath != null && !PathResolver.samePath(pathname, cmdpath)
            && fireIfUnderRoot(ctx, event, firstSeen, cmdpath, inodeEntry))) {
      return;
    }
    CharSequence interp = nonEmpty(event.string(INTERP));
    if (interp != null && !PathResolver.samePath(interp, path)
        && fireIfUnderRoot(ctx, event, firstSeen, interp, inodeEntry)) {
      return;
    }
    if (inodeEntry >= 0) {
      String evidence = (state.inodeHow(inodeEntry) & ContainedExecutableState.WRITTEN) != 0
          ? WRITTEN_IN_CONTAINER : EXECUTED_IN_CONTAINER;
      CharSequence normal = paths.path(path, event);
      fire(ctx, event, firstSeen, path, normal == null ? path : normal, -1, evidence, inodeEntry);
    } else if (Interpreters.isInterpreter(path)) {
      CharSequence script = firstNonOptionArgument(event.strings(ARGV));
      CharSequence scriptNormal = script == null ? null : paths.argument(script, event);
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
  private boolean fireIfUnderRoot(SignatureContext ctx, Event event, long firstSeen,
      CharSequence path, int inodeEntry) {
    CharSequence normal = paths.path(path, event);
    int root = normal == null ? -1 : roots.match(normal);
    if (normal == null || root < 0) {
      return false;
    }
    fire(ctx, event, firstSeen, path, normal, root, roots.name(root), inodeEntry);
    return true;
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

  private void fire(SignatureContext ctx, Event event, long firstSeen, CharSequence path,
      CharSequence normal, int root, String evidence, int inodeEntry) {
    boolean invokedFromKernel = event.bool(INVOKED_FROM_KERNEL, false);
    boolean kernelThread = invokedFromKernel || event.hostParentProcessId() == KTHREADD_PID;
    CharSequence prevComm = event.string(PREV_COMM);
    CharSequence process = prevComm == null ? "" : prevComm;
    String containerPath = root >= 0 ? roots.containerPath(root, normal) : null;
    if (!kernelThread) {
      if (runtimes.contains(process)) {
        allowlisted.increment();
        return;
      }
      if (!judge.allows(ctx, event, firstSeen, process,
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

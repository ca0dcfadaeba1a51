package dev.sigil.benchmarks.events;

/**
 * What a generated stream is made of: the share of each event kind and how many events fire a
 * built-in signature. The two ELF shares are fractions of all events; the events that are not
 * ELF writes follow the kinds' shares, normalised, so those need not add up to one.
 *
 * @param exec share of {@code sched_process_exec} (host and container, full v0.24 argument set)
 * @param magicWrite share of {@code magic_write} (mostly from containers, mostly not ELF)
 * @param fileOpen share of {@code security_file_open}
 * @param openat share of {@code openat}
 * @param netPacket share of {@code net_packet_tcp} / {@code net_packet_dns} (nested objects)
 * @param security share of the other events Tracee's signatures select, none of them firing:
 *     socket connects and dups, ptrace, memory-protection alerts, mounts, kernel file reads,
 *     process_vm_writev, bprm checks, renames, proc fops checks, service-account token reads
 *     by allowed processes
 * @param droppedElf share of all events that are an ELF written in a started container outside
 *     {@code memfd:}/{@code /dev/shm/}: exactly the events on which TRC-1022 fires; drawn before
 *     the kinds, so the other events keep the kinds' proportions
 * @param harmlessElf share of all events that are ELF writes TRC-1022 must not report (to
 *     {@code /dev/shm/}, {@code memfd:}, on the host or during container init), so a non-firing
 *     stream still exercises every branch of the rule
 */
public record EventMix(
    double exec,
    double magicWrite,
    double fileOpen,
    double openat,
    double netPacket,
    double security,
    double droppedElf,
    double harmlessElf) {

  /**
   * Validates the components.
   *
   * @param exec see the record
   * @param magicWrite see the record
   * @param fileOpen see the record
   * @param openat see the record
   * @param netPacket see the record
   * @param security see the record
   * @param droppedElf see the record
   * @param harmlessElf see the record
   * @throws IllegalArgumentException when a share lies outside [0, 1] or no kind is given
   */
  public EventMix {
    double[] all = {exec, magicWrite, fileOpen, openat, netPacket, security, droppedElf, harmlessElf};
    for (double share : all) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("every share must lie in [0, 1]: " + this);
      }
    }
    if (exec + magicWrite + fileOpen + openat + netPacket + security + droppedElf == 0) {
      throw new IllegalArgumentException("a mix needs at least one event kind: " + this);
    }
  }

  /**
   * A node's ordinary activity, in which no built-in signature fires: 30% exec, 20% magic_write,
   * 20% security_file_open, 10% openat, 10% network packets, 10% the other events Tracee's
   * signatures select, 0.5% harmless ELF writes.
   *
   * @return the mix
   */
  public static EventMix quiet() {
    return new EventMix(0.30, 0.20, 0.20, 0.10, 0.10, 0.10, 0, 0.005);
  }

  /**
   * {@link #quiet()} with about 1% of events firing TRC-1022 (ELF dropped in a container).
   *
   * @return the mix
   */
  public static EventMix realistic() {
    return quiet().withDroppedElf(0.01);
  }

  /**
   * Only ELF files dropped in containers: TRC-1022 fires on every event.
   *
   * @return the mix
   */
  public static EventMix everyEventDropsElf() {
    return new EventMix(0, 0, 0, 0, 0, 0, 1, 0);
  }

  /**
   * Returns this mix with another firing share.
   *
   * @param share the share of all events on which TRC-1022 fires
   * @return the new mix
   */
  public EventMix withDroppedElf(double share) {
    return new EventMix(exec, magicWrite, fileOpen, openat, netPacket, security, share, harmlessElf);
  }
}

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
 * @param droppedElf share of all events that are an ELF written in a started container outside
 *     {@code memfd:}/{@code /dev/shm/}: exactly the events on which TRC-1022 fires; drawn before
 *     the kinds, so the other events keep the kinds' proportions
 * @param harmlessElf share of all events that are ELF writes TRC-1022 must not report (to
 *     {@code /dev/shm/}, {@code memfd:}, on the host or during container init), so a non-firing
 *     stream still exercises every branch of the rule
 * @param tokenReads whether programs open their pod's service-account token (one of the 15 paths
 *     a file open draws), which Tracee's TRC-108 reports; without, they open the namespace file
 *     beside it, and the stream is otherwise the same
 */
public record EventMix(
    double exec,
    double magicWrite,
    double fileOpen,
    double openat,
    double netPacket,
    double droppedElf,
    double harmlessElf,
    boolean tokenReads) {

  /**
   * Validates the components.
   *
   * @param exec see the record
   * @param magicWrite see the record
   * @param fileOpen see the record
   * @param openat see the record
   * @param netPacket see the record
   * @param droppedElf see the record
   * @param harmlessElf see the record
   * @param tokenReads see the record
   * @throws IllegalArgumentException when a share lies outside [0, 1] or no kind is given
   */
  public EventMix {
    double[] all = {exec, magicWrite, fileOpen, openat, netPacket, droppedElf, harmlessElf};
    for (double share : all) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("every share must lie in [0, 1]: " + this);
      }
    }
    if (exec + magicWrite + fileOpen + openat + netPacket + droppedElf == 0) {
      throw new IllegalArgumentException("a mix needs at least one event kind: " + this);
    }
  }

  /**
   * A node's ordinary activity, in which no built-in signature fires: 30% exec, 20% magic_write,
   * 20% security_file_open, 15% openat, 15% network packets, 0.5% harmless ELF writes, no
   * service-account token read.
   *
   * @return the mix
   */
  public static EventMix quiet() {
    return new EventMix(0.30, 0.20, 0.20, 0.15, 0.15, 0, 0.005, false);
  }

  /**
   * {@link #quiet()} with about 1% of events firing TRC-1022 (ELF dropped in a container, often
   * under a hidden path, which TRC-1015 reports too) and programs reading their service-account
   * token (which TRC-108 reports).
   *
   * @return the mix
   */
  public static EventMix realistic() {
    return quiet().withDroppedElf(0.01).withTokenReads(true);
  }

  /**
   * Only ELF files dropped in containers: TRC-1022 fires on every event.
   *
   * @return the mix
   */
  public static EventMix everyEventDropsElf() {
    return new EventMix(0, 0, 0, 0, 0, 1, 0, false);
  }

  /**
   * Returns this mix with another firing share.
   *
   * @param share the share of all events on which TRC-1022 fires
   * @return the new mix
   */
  public EventMix withDroppedElf(double share) {
    return new EventMix(exec, magicWrite, fileOpen, openat, netPacket, share, harmlessElf, tokenReads);
  }

  /**
   * Returns this mix with programs reading their service-account token, or not.
   *
   * @param reads whether they do
   * @return the mix
   */
  public EventMix withTokenReads(boolean reads) {
    return new EventMix(exec, magicWrite, fileOpen, openat, netPacket, droppedElf, harmlessElf, reads);
  }
}

package dev.sigil.core.sensor;

import dev.sigil.core.ArgKey;
import dev.sigil.core.EventType;

/** The event types and argument keys the sensor tests fill events with and read back. */
final class SensorKeys {
  static final EventType EXEC = EventType.of("sched_process_exec");
  static final EventType WRITE = EventType.of("magic_write");
  static final ArgKey PATHNAME = ArgKey.of("pathname");
  static final ArgKey ARGV = ArgKey.of("argv");
  static final ArgKey BYTES = ArgKey.of("bytes");
  static final ArgKey INODE = ArgKey.of("inode");
  static final ArgKey FROM_KERNEL = ArgKey.of("invoked_from_kernel");
  static final ArgKey REMOTE = ArgKey.of("remote_addr");

  private SensorKeys() {}
}

package dev.sigil.core.tracee;

import dev.sigil.core.ArgKind;
import dev.sigil.core.ByteView;
import dev.sigil.core.Event;
import dev.sigil.core.StringList;
import java.util.Arrays;

/** Every field and argument of an event as text, for comparing two decodes of the same input. */
final class EventText {
  private EventText() {}

  static String of(Event e) {
    StringBuilder s = new StringBuilder();
    s.append(e.timestamp()).append('|').append(e.threadStartTime()).append('|').append(e.processorId())
        .append('|').append(e.processId()).append('|').append(e.threadId()).append('|')
        .append(e.parentProcessId()).append('|').append(e.hostProcessId()).append('|')
        .append(e.hostThreadId()).append('|').append(e.hostParentProcessId()).append('|')
        .append(e.cgroupId()).append('|').append(e.userId()).append('|').append(e.mountNamespace())
        .append('|').append(e.pidNamespace()).append('|').append(e.processName()).append('|')
        .append(e.executablePath()).append('|').append(e.hostName()).append('|').append(e.containerId())
        .append('|').append(e.containerName()).append('|').append(e.containerImage()).append('|')
        .append(e.containerImageDigest()).append('|').append(e.podName()).append('|')
        .append(e.podNamespace()).append('|').append(e.podUid()).append('|').append(e.podSandbox())
        .append('|').append(e.type().id()).append('|').append(e.eventName()).append('|')
        .append(e.eventId()).append('|').append(e.returnValue()).append('|').append(e.syscall())
        .append('|').append(e.containerStarted()).append('|').append(e.isCompat()).append('|')
        .append(e.threadEntityId()).append('|').append(e.processEntityId()).append('|')
        .append(e.parentEntityId()).append('|').append(e.origin()).append(" args:");
    for (int i = 0; i < e.argCount(); i++) {
      ArgKind kind = e.argKind(i);
      s.append(" [").append(e.argName(i)).append(':').append(e.argType(i)).append(':').append(kind).append('=');
      switch (kind) {
        case STRING:
          s.append(e.stringAt(i));
          break;
        case LONG:
          s.append(e.longAt(i, 0));
          break;
        case BOOL:
          s.append(e.boolAt(i, false));
          break;
        case BYTES: {
          ByteView bytes = e.bytesAt(i);
          s.append(Arrays.toString(bytes.toByteArray()));
          break;
        }
        case STRINGS: {
          StringList list = e.stringsAt(i);
          s.append(list.toList());
          break;
        }
        case JSON:
          s.append(e.rawJson(i));
          break;
        default:
          break;
      }
      s.append(']');
    }
    return s.toString();
  }
}

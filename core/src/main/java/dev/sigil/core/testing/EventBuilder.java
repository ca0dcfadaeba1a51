package dev.sigil.core.testing;

import dev.sigil.core.Event;
import dev.sigil.core.Origin;
import dev.sigil.core.event.MutableEvent;
import dev.sigil.core.event.StringListSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * Builds events for tests, in a few readable lines:
 *
 * <pre>{@code
 * Event drop = EventBuilder.event("magic_write")
 *     .origin(Origin.CONTAINER)
 *     .arg("pathname", "/bin/malware")
 *     .arg("bytes", new byte[] {0x7f, 'E', 'L', 'F'})
 *     .build();
 * }</pre>
 *
 * <p>Each {@link #build()} returns a new event of the same kind the Tracee reader produces (a
 * flyweight), so a test exercises the same code paths as production. Events are not re-used by
 * the builder, so a test may keep them and feed them many times (as allocation tests do).
 * Arguments get the declared type names Tracee v0.24 prints ({@code string}, {@code []byte},
 * {@code int64}, {@code bool}, {@code []string}) unless {@link #arg(String, String, Object)}
 * names one.
 */
public final class EventBuilder {
  private final List<Consumer<MutableEvent>> steps = new ArrayList<>();

  private EventBuilder(String eventName) {
    steps.add(e -> e.eventName(eventName));
  }

  /**
   * Starts an event with a name; it is on the host at time 0 until told otherwise.
   *
   * @param eventName e.g. {@code magic_write}
   * @return a builder
   */
  public static EventBuilder event(String eventName) {
    return new EventBuilder(eventName);
  }

  /**
   * Sets the origin: {@code CONTAINER} sets {@code containerStarted} and a container id (unless
   * one is set), {@code CONTAINER_INIT} sets only a container id, {@code HOST} clears both.
   *
   * @param origin the origin
   * @return this builder
   */
  public EventBuilder origin(Origin origin) {
    steps.add(e -> {
      e.containerStarted(origin == Origin.CONTAINER);
      if (origin == Origin.HOST) {
        e.containerIdSlot().clear();
      } else if (e.containerIdSlot().length() == 0) {
        e.containerIdSlot().set("0123456789ab0123456789ab0123456789ab0123456789ab0123456789abcdef");
      }
    });
    return this;
  }

  /**
   * Sets the event time.
   *
   * @param nanos nanoseconds since the epoch
   * @return this builder
   */
  public EventBuilder timestamp(long nanos) {
    steps.add(e -> e.timestamp(nanos));
    return this;
  }

  /**
   * Sets the host name.
   *
   * @param value the host name
   * @return this builder
   */
  public EventBuilder hostName(String value) {
    steps.add(e -> e.hostNameSlot().set(value));
    return this;
  }

  /**
   * Sets the process name (comm).
   *
   * @param value the name
   * @return this builder
   */
  public EventBuilder processName(String value) {
    steps.add(e -> e.processNameSlot().set(value));
    return this;
  }

  /**
   * Sets the container id (without changing {@code containerStarted}).
   *
   * @param value the id
   * @return this builder
   */
  public EventBuilder containerId(String value) {
    steps.add(e -> e.containerIdSlot().set(value));
    return this;
  }

  /**
   * Sets the container's name and image.
   *
   * @param name the container name
   * @param image the image
   * @return this builder
   */
  public EventBuilder container(String name, String image) {
    steps.add(e -> {
      e.containerNameSlot().set(name);
      e.containerImageSlot().set(image);
    });
    return this;
  }

  /**
   * Sets the Kubernetes pod.
   *
   * @param name the pod name
   * @param namespace the pod namespace
   * @param uid the pod UID
   * @return this builder
   */
  public EventBuilder pod(String name, String namespace, String uid) {
    steps.add(e -> {
      e.podNameSlot().set(name);
      e.podNamespaceSlot().set(namespace);
      e.podUidSlot().set(uid);
    });
    return this;
  }

  /**
   * Sets the namespace-relative process, thread and parent ids.
   *
   * @param pid the pid
   * @param tid the tid
   * @param ppid the parent pid
   * @return this builder
   */
  public EventBuilder pids(int pid, int tid, int ppid) {
    steps.add(e -> {
      e.processId(pid);
      e.threadId(tid);
      e.parentProcessId(ppid);
    });
    return this;
  }

  /**
   * Sets the host's process, thread and parent ids.
   *
   * @param pid the host pid
   * @param tid the host tid
   * @param ppid the host parent pid (2 is the kernel thread daemon)
   * @return this builder
   */
  public EventBuilder hostPids(int pid, int tid, int ppid) {
    steps.add(e -> {
      e.hostProcessId(pid);
      e.hostThreadId(tid);
      e.hostParentProcessId(ppid);
    });
    return this;
  }

  /**
   * Sets the event id and return value.
   *
   * @param eventId the event id
   * @param returnValue the return value
   * @return this builder
   */
  public EventBuilder ids(int eventId, long returnValue) {
    steps.add(e -> {
      e.eventId(eventId);
      e.returnValue(returnValue);
    });
    return this;
  }

  /**
   * Adds an argument whose declared type follows from the value: a {@link String}
   * ({@code string}), {@code byte[]} ({@code []byte}), {@link Long} or {@link Integer}
   * ({@code int64}), {@link Boolean} ({@code bool}), a {@code List<String>} ({@code []string}),
   * a {@link Map} (an object, kept as raw JSON like the reader keeps it; declared
   * {@code object}), a {@code List} of maps (a list of objects; declared {@code []object}), or
   * null. Map values may be Strings, numbers, booleans, null, maps and lists.
   *
   * @param name the argument's name
   * @param value the value
   * @return this builder
   * @throws IllegalArgumentException for any other kind of value
   */
  public EventBuilder arg(String name, Object value) {
    return arg(name, ValueKind.of(value).declaredType, value);
  }

  /**
   * Adds an argument with an explicit declared type name, e.g. {@code const char*}.
   *
   * @param name the argument's name
   * @param type the declared type name
   * @param value the value, as for {@link #arg(String, Object)}
   * @return this builder
   */
  public EventBuilder arg(String name, String type, Object value) {
    ValueKind kind = ValueKind.of(value);
    return addArg(name, type, (e, i) -> kind.fill(e, i, value));
  }

  /**
   * Adds a structured argument given as raw JSON text, exactly as a producer printed it (for
   * malformed or unusual JSON that a {@link Map} cannot express).
   *
   * @param name the argument's name
   * @param type the declared type name
   * @param json the raw JSON text of the value
   * @return this builder
   */
  public EventBuilder rawJsonArg(String name, String type, String json) {
    return addArg(name, type, (e, i) -> e.setRawJson(i).set(json));
  }

  /**
   * Adds an argument whose value could not be decoded (it reads as absent), like an invalid
   * base64 string.
   *
   * @param name the argument's name
   * @param type the declared type name
   * @return this builder
   */
  public EventBuilder invalidArg(String name, String type) {
    return addArg(name, type, MutableEvent::setInvalid);
  }

  private EventBuilder addArg(String name, String type, ObjIntConsumer<MutableEvent> value) {
    steps.add(e -> {
      int i = e.addArg(name);
      e.argTypeSlot(i).set(type);
      value.accept(e, i);
    });
    return this;
  }

  /** The kinds of value {@link #arg(String, Object)} takes, each with the type it declares. */
  private enum ValueKind {
    NULL(""),
    STRING("string"),
    BYTES("[]byte"),
    LONG("int64"),
    BOOL("bool"),
    OBJECT("object"),
    OBJECTS("[]object"),
    STRINGS("[]string");

    final String declaredType;

    ValueKind(String declaredType) {
      this.declaredType = declaredType;
    }

    static ValueKind of(Object value) {
      if (value == null) {
        return NULL;
      }
      if (value instanceof String) {
        return STRING;
      }
      if (value instanceof byte[]) {
        return BYTES;
      }
      if (value instanceof Long || value instanceof Integer) {
        return LONG;
      }
      if (value instanceof Boolean) {
        return BOOL;
      }
      if (value instanceof Map) {
        return OBJECT;
      }
      if (value instanceof List) {
        return ((List<?>) value).stream().anyMatch(item -> !(item instanceof String))
            ? OBJECTS : STRINGS;
      }
      throw new IllegalArgumentException(
          "unsupported argument value type " + value.getClass().getName());
    }

    /** Sets argument {@code i} to a value of this kind. */
    void fill(MutableEvent e, int i, Object value) {
      switch (this) {
        case NULL:
          e.setNull(i);
          break;
        case STRING:
          e.setString(i).set((String) value);
          break;
        case BYTES:
          byte[] bytes = (byte[]) value;
          e.setBytes(i).set(bytes, 0, bytes.length);
          break;
        case LONG:
          e.setLong(i, ((Number) value).longValue());
          break;
        case BOOL:
          e.setBool(i, (Boolean) value);
          break;
        case OBJECT:
        case OBJECTS:
          e.setRawJson(i).set(JsonText.of(value));
          break;
        default:
          StringListSlot list = e.setStrings(i);
          for (Object item : (List<?>) value) {
            list.add().set(String.valueOf(item));
          }
      }
    }
  }

  /**
   * Builds a new event.
   *
   * @return the event
   */
  public Event build() {
    MutableEvent event = new MutableEvent();
    event.reset();
    for (Consumer<MutableEvent> step : steps) {
      step.accept(event);
    }
    return event;
  }
}

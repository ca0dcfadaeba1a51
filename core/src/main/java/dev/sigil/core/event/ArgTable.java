package dev.sigil.core.event;

import dev.sigil.core.ArgKey;
import dev.sigil.core.ArgKind;
import dev.sigil.core.ByteView;
import dev.sigil.core.StringList;
import dev.sigil.core.internal.JsonFields;
import dev.sigil.core.internal.NameRegistry;
import dev.sigil.core.internal.TextSlot;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An event's arguments, column by column: parallel arrays indexed by argument, grown on demand
 * and kept, so that refilling them for the next event allocates nothing.
 */
final class ArgTable {
  private static final ArgKind[] KINDS = ArgKind.values();
  private static final byte NULL = (byte) ArgKind.NULL.ordinal();
  private static final byte STRING = (byte) ArgKind.STRING.ordinal();
  private static final byte JSON = (byte) ArgKind.JSON.ordinal();
  private static final byte BYTES = (byte) ArgKind.BYTES.ordinal();
  private static final byte STRINGS = (byte) ArgKind.STRINGS.ordinal();
  private static final byte LONG = (byte) ArgKind.LONG.ordinal();
  private static final byte BOOL = (byte) ArgKind.BOOL.ordinal();

  private int count;
  private int[] keyIds = new int[0];
  /**
   * Per argument: its {@link ArgKind}'s ordinal. Bytes, not enum references: a reference stored
   * into an old object costs G1 a card-marking barrier, for every argument of every event.
   */
  private byte[] kinds = new byte[0];
  private long[] longs = new long[0];
  private TextSlot[] names = new TextSlot[0];
  private TextSlot[] types = new TextSlot[0];
  private TextSlot[] texts = new TextSlot[0];
  private ByteArg[] bytes = new ByteArg[0];
  private StringListSlot[] lists = new StringListSlot[0];
  private @Nullable JsonFields[] fields = new JsonFields[0];
  private boolean[] fieldsParsed = new boolean[0];
  /** Per argument: 0, or the form whose value {@link #parsedForms} holds, plus one. */
  private int[] parsedFormIds = new int[0];
  private long[] parsedForms = new long[0];

  int count() {
    return count;
  }

  void clear() {
    count = 0;
  }

  /** Appends an argument with an empty name, no key, no declared type and a null value. */
  int add() {
    int index = count;
    if (index == keyIds.length) {
      grow(Math.max(8, index * 2));
    }
    count++;
    keyIds[index] = -1;
    kinds[index] = NULL;
    longs[index] = 0;
    names[index].clear();
    types[index].clear();
    texts[index].clear();
    fieldsParsed[index] = false;
    parsedFormIds[index] = 0;
    return index;
  }

  private void grow(int capacity) {
    int old = keyIds.length;
    keyIds = Arrays.copyOf(keyIds, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    longs = Arrays.copyOf(longs, capacity);
    names = Arrays.copyOf(names, capacity);
    types = Arrays.copyOf(types, capacity);
    texts = Arrays.copyOf(texts, capacity);
    bytes = Arrays.copyOf(bytes, capacity);
    lists = Arrays.copyOf(lists, capacity);
    fields = Arrays.copyOf(fields, capacity);
    fieldsParsed = Arrays.copyOf(fieldsParsed, capacity);
    parsedFormIds = Arrays.copyOf(parsedFormIds, capacity);
    parsedForms = Arrays.copyOf(parsedForms, capacity);
    for (int i = old; i < capacity; i++) {
      names[i] = new TextSlot(16);
      types[i] = new TextSlot(16);
      texts[i] = new TextSlot(64);
      bytes[i] = new ByteArg(32);
      lists[i] = new StringListSlot();
    }
  }

  void checkIndex(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("argument " + index + " outside [0, " + count + ")");
    }
  }

  // ---- filling

  TextSlot name(int index) {
    return names[index];
  }

  void keyId(int index, int id) {
    keyIds[index] = id;
  }

  TextSlot type(int index) {
    return types[index];
  }

  TextSlot text(int index) {
    return texts[index];
  }

  TextSlot setString(int index) {
    kinds[index] = STRING;
    parsedFormIds[index] = 0;
    TextSlot slot = texts[index];
    slot.clear();
    return slot;
  }

  TextSlot setRawJson(int index) {
    kinds[index] = JSON;
    fieldsParsed[index] = false;
    TextSlot slot = texts[index];
    slot.clear();
    return slot;
  }

  ByteArg setBytes(int index) {
    kinds[index] = BYTES;
    ByteArg slot = bytes[index];
    slot.clear();
    return slot;
  }

  StringListSlot setStrings(int index) {
    kinds[index] = STRINGS;
    StringListSlot slot = lists[index];
    slot.clear();
    return slot;
  }

  void setLong(int index, long value) {
    kinds[index] = LONG;
    longs[index] = value;
  }

  void setBool(int index, boolean value) {
    kinds[index] = BOOL;
    longs[index] = value ? 1 : 0;
  }

  void setKind(int index, ArgKind kind) {
    kinds[index] = (byte) kind.ordinal();
  }

  // ---- reading

  int keyId(int index) {
    checkIndex(index);
    return keyIds[index];
  }

  CharSequence nameAt(int index) {
    checkIndex(index);
    return names[index];
  }

  CharSequence typeAt(int index) {
    checkIndex(index);
    return types[index];
  }

  ArgKind kindAt(int index) {
    checkIndex(index);
    return KINDS[kinds[index]];
  }

  int indexOf(ArgKey key) {
    int id = key.id();
    for (int i = 0; i < count; i++) {
      int argId = keyIds[i];
      // An argument named before its key existed has no id but a mark, ~n, of the keys that did
      // exist: compare its name only with a key as new as that (the keys a signature creates at
      // class loading never are, so the hot path never compares names).
      if (argId == id
          || (argId < 0 && NameRegistry.matchesSinceMark(argId, names[i], id, key.name()))) {
        return i;
      }
    }
    return -1;
  }

  @Nullable CharSequence rawJson(int index) {
    checkIndex(index);
    return kinds[index] == JSON ? texts[index] : null;
  }

  @Nullable CharSequence stringAt(int index) {
    checkIndex(index);
    return kinds[index] == STRING ? texts[index] : null;
  }

  @Nullable ByteView bytesAt(int index) {
    checkIndex(index);
    return kinds[index] == BYTES ? bytes[index] : null;
  }

  long longAt(int index, long absent) {
    checkIndex(index);
    return kinds[index] == LONG ? longs[index] : absent;
  }

  boolean boolAt(int index, boolean absent) {
    checkIndex(index);
    byte kind = kinds[index];
    return kind == BOOL || kind == LONG ? longs[index] != 0 : absent;
  }

  @Nullable StringList stringsAt(int index) {
    checkIndex(index);
    return kinds[index] == STRINGS ? lists[index] : null;
  }

  @Nullable CharSequence fieldAt(int index, String name) {
    JsonFields parsed = parsedFields(index);
    return parsed == null ? null : parsed.field(name);
  }

  int elementCountAt(int index) {
    checkIndex(index);
    if (kinds[index] == STRINGS) {
      return lists[index].size();
    }
    JsonFields parsed = parsedFields(index);
    return parsed == null ? -1 : parsed.elementCount();
  }

  @Nullable CharSequence fieldAt(int index, int element, String name) {
    JsonFields parsed = parsedFields(index);
    return parsed == null ? null : parsed.field(element, name);
  }

  // Parsed on first use: most structured arguments are never asked for a field.
  private @Nullable JsonFields parsedFields(int index) {
    checkIndex(index);
    if (kinds[index] != JSON) {
      return null;
    }
    JsonFields parsed = fields[index];
    if (parsed == null) {
      parsed = new JsonFields();
      fields[index] = parsed;
    }
    if (!fieldsParsed[index]) {
      parsed.parse(texts[index]);
      fieldsParsed[index] = true;
    }
    return parsed;
  }

  boolean hasParsedForm(int index, int form) {
    checkIndex(index);
    return parsedFormIds[index] == form + 1;
  }

  long parsedForm(int index) {
    checkIndex(index);
    return parsedForms[index];
  }

  void rememberParsedForm(int index, int form, long value) {
    checkIndex(index);
    parsedFormIds[index] = form + 1;
    parsedForms[index] = value;
  }
}

package dev.sigil.core.tracee;

import dev.sigil.core.ArgKind;
import dev.sigil.core.internal.NameRegistry;

/**
 * What an argument's declared type name says its value holds, across Tracee's C-style (up to
 * v0.23) and Go-style (v0.24) vocabularies. Unknown names say nothing: the JSON token decides.
 */
final class DeclaredType {
  /** A type name this class does not know (or none). */
  static final int UNKNOWN = 0;
  /** Text. */
  static final int STRING = 1;
  /** Base64 text holding bytes. */
  static final int BYTES = 2;
  /** A list of strings. */
  static final int STRINGS = 3;
  /** A boolean. */
  static final int BOOL = 4;
  /** An integer. */
  static final int INTEGER = 5;

  private static final String[][] NAMES = {
    {},
    {"string", "const char*", "const char *", "char*", "char *"},
    {"[]byte", "bytes"},
    {"[]string", "const char**", "const char **", "const char*const*", "const char *const *"},
    {"bool"},
    {"int", "unsigned int", "long", "unsigned long", "short", "unsigned short", "u8", "u16",
      "u32", "u64", "s8", "s16", "s32", "s64", "int8", "int16", "int32", "int64", "uint8",
      "uint16", "uint32", "uint64", "dev_t", "mode_t", "umode_t", "off_t", "loff_t", "size_t",
      "pid_t", "uid_t", "gid_t"},
  };

  private static final NameRegistry REGISTRY;
  private static final int[] CLASS_BY_ID;

  static {
    int total = 0;
    for (String[] names : NAMES) {
      total += names.length;
    }
    REGISTRY = new NameRegistry(total);
    CLASS_BY_ID = new int[total];
    for (int typeClass = 0; typeClass < NAMES.length; typeClass++) {
      for (String name : NAMES[typeClass]) {
        CLASS_BY_ID[REGISTRY.intern(name)] = typeClass;
      }
    }
  }

  private DeclaredType() {}

  /**
   * Classifies a declared type name.
   *
   * @param chars the characters
   * @param offset where the name starts
   * @param length its length
   * @return one of this class's constants
   */
  static int classify(char[] chars, int offset, int length) {
    int id = REGISTRY.find(chars, offset, length);
    return id == NameRegistry.NOT_FOUND ? UNKNOWN : CLASS_BY_ID[id];
  }

  /**
   * Classifies a declared type name spelled in ASCII bytes.
   *
   * @param bytes the bytes
   * @param offset where the name starts
   * @param length its length
   * @return one of this class's constants
   */
  static int classify(byte[] bytes, int offset, int length) {
    int id = REGISTRY.find(bytes, offset, length);
    return id == NameRegistry.NOT_FOUND ? UNKNOWN : CLASS_BY_ID[id];
  }

  /**
   * Tells whether a decoded value's kind contradicts its declared type.
   *
   * @param declared a constant of this class
   * @param kind the kind the value decoded to
   * @return true when both are known and disagree (an {@link ArgKind#INVALID} value never
   *     contradicts: it has been counted already)
   */
  static boolean contradicts(int declared, ArgKind kind) {
    if (kind == ArgKind.INVALID) {
      return false;
    }
    switch (declared) {
      case STRING:
        return kind != ArgKind.STRING && kind != ArgKind.NULL;
      case BYTES:
        return kind != ArgKind.BYTES && kind != ArgKind.NULL;
      case STRINGS:
        return kind != ArgKind.STRINGS && kind != ArgKind.NULL;
      case BOOL:
        return kind != ArgKind.BOOL && kind != ArgKind.LONG && kind != ArgKind.NULL;
      case INTEGER:
        return kind != ArgKind.LONG && kind != ArgKind.NULL;
      default:
        return false;
    }
  }
}

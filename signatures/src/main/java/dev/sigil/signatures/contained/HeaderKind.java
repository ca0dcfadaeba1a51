package dev.sigil.signatures.contained;

import org.jspecify.annotations.Nullable;

/**
 * What a container wrote at the start of a file, as far as SGL-1001 cares: each kind has its own
 * budget in the indexes of written files ({@link WrittenFileIndex}), so that a flood of one kind
 * never evicts another. ELF writes in containers are rare and each one matters; {@code #!}
 * scripts are cheap to write by the hundred thousand; a header prefix (a header split across
 * writes) is rarer still and should not cost either of the others.
 */
enum HeaderKind {
  /** The ELF magic, {@code 7F 45 4C 46}: a program or a library. */
  ELF("elf", "ELF files"),
  /** {@code #!}: a script. */
  SCRIPT("script", "#! scripts"),
  /** A proper prefix of either ({@code #}, {@code 7F}, {@code 7F 45}, {@code 7F 45 4C}). */
  HEADER_PREFIX("header-prefix", "header prefixes");

  private static final HeaderKind[] ALL = values();

  private final String savedName;
  private final String plural;

  HeaderKind(String savedName, String plural) {
    this.savedName = savedName;
    this.plural = plural;
  }

  /**
   * The name in the saved state and on the command line ({@code elf}, {@code script},
   * {@code header-prefix}).
   */
  String savedName() {
    return savedName;
  }

  /** What the entries are, in a sentence: "ELF files". */
  String plural() {
    return plural;
  }

  /** The prefix of this kind's counters: {@code elf}, {@code script}, {@code headerPrefix}. */
  String counterPrefix() {
    return this == HEADER_PREFIX ? "headerPrefix" : savedName;
  }

  /** The kind with this saved name, or null. */
  static @Nullable HeaderKind named(String name) {
    for (HeaderKind kind : ALL) {
      if (kind.savedName.equals(name)) {
        return kind;
      }
    }
    return null;
  }

  /** The kind by ordinal, without the array {@code values()} allocates. */
  static HeaderKind of(int ordinal) {
    return ALL[ordinal];
  }

  static int count() {
    return ALL.length;
  }
}

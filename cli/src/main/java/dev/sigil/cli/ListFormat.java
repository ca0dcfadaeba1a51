package dev.sigil.cli;

/** How {@code sigil signatures} prints its list. */
enum ListFormat {
  /** An aligned table for people. */
  TEXT,
  /** One JSON array, for programs. */
  JSON
}

package dev.sigil.core;

import org.jspecify.annotations.Nullable;

/**
 * A signature whose state should survive a restart (a learned profile, an index). The engine
 * saves it with {@link Engine#saveState(java.io.OutputStream)} and gives it back with
 * {@link Engine#restoreState(java.io.InputStream)}.
 *
 * <p>State is a JSON-like tree: {@code Map<String, ?>}, {@code List<?>}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean} and null. Restored numbers come back as
 * {@code Long} when integral, else {@code Double}.
 */
public interface Stateful {
  /**
   * Returns the state to save; called on the engine's thread.
   *
   * @return a JSON-like tree
   */
  Object saveState();

  /**
   * Replaces the state with a saved one; called before any event.
   *
   * @param state a tree {@link #saveState()} returned earlier (maybe in another process)
   * @throws IllegalArgumentException when the tree is not a state this signature wrote
   */
  void restoreState(@Nullable Object state);
}

package dev.sigil.flink;

import dev.sigil.core.Engine;
import java.io.Serializable;

/**
 * Configures each node's engine beyond its signatures and listeners (deduplication window,
 * capacities, clock), on the task manager; serializable, as a lambda assigned to this type is.
 */
@FunctionalInterface
public interface EngineConfigurer extends Serializable {
  /**
   * Configures one engine's builder; called once per node engine.
   *
   * @param builder the builder, with signatures and listeners already set
   */
  void configure(Engine.Builder builder);

  /**
   * Leaves every default.
   *
   * @return a configurer that does nothing
   */
  static EngineConfigurer defaults() {
    return builder -> { };
  }
}

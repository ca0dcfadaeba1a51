package dev.sigil.core;

/**
 * Receives signatures' notices ({@link SignatureContext#notice(String)}), on the engine's
 * thread, each distinct one once per engine.
 */
@FunctionalInterface
public interface NoticeListener {
  /**
   * Receives one notice.
   *
   * @param notice the signature and what it says
   */
  void onNotice(SignatureNotice notice);
}

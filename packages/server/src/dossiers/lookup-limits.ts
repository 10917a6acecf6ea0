import type { RateLimitRule } from '../office/office.js';

/**
 * Limits on dossier lookups. The client that guesses is slowed, not the dossier: a stranger's wrong PINs never keep
 * the owner (another address, the right PIN) out. A guesser spread over many addresses is still bounded per dossier:
 * past `perCodeFailures`, the code's lookups go one at a time at `perCodePaced` — the right PIN included, which is
 * the price of the bound (see the running-the-server guide).
 */
export interface DossierLookupLimits {
  /** Lookups from one client address (default 120 in any 10 minutes: a commune may share one address). */
  readonly perClient: RateLimitRule;
  /** Failed lookups (unknown code or wrong PIN) of a client allowed before its back-off starts (default 3). */
  readonly freeFailures: number;
  /** The client's longest back-off, in seconds (default 3600); it doubles from 2 s with each further failure. */
  readonly maxBackoffSeconds: number;
  /**
   * Wrong PINs (or lookups of an unknown code) for one code in any window (default 40 in any 24 hours: above the 37
   * that one address can send in 24 hours under its back-off with the defaults, so one address never reaches it
   * alone). Once reached, the code's lookups are paced by `perCodePaced`.
   */
  readonly perCodeFailures: RateLimitRule;
  /**
   * While a code is at its `perCodeFailures` ceiling, its lookups (any PIN, any address) are let through at this
   * pace (default 1 in any 15 minutes); the others answer 429 with `Retry-After`. Nothing locks the code for longer.
   */
  readonly perCodePaced: RateLimitRule;
}

/** The default {@link DossierLookupLimits}. */
export const DEFAULT_LOOKUP_LIMITS: DossierLookupLimits = {
  perClient: { limit: 120, windowSeconds: 600 },
  freeFailures: 3,
  maxBackoffSeconds: 3600,
  perCodeFailures: { limit: 40, windowSeconds: 86_400 },
  perCodePaced: { limit: 1, windowSeconds: 900 },
};

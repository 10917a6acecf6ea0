import type { RateLimitRule } from '../office/office.js';

/** Limits on dossier lookups, each counted per dossier code and per client (never one key for a commune). */
export interface DossierLookupLimits {
  /** Lookups of one code (default 20 per 10 minutes). */
  readonly perCode: RateLimitRule;
  /** Lookups from one client address (default 120 per 10 minutes: a commune may share one address). */
  readonly perClient: RateLimitRule;
  /** Failed lookups (unknown code or wrong PIN) of a code or a client allowed before the back-off starts (default 3). */
  readonly freeFailures: number;
  /** The longest back-off, in seconds (default 3600); it doubles from 2 s with each further failure. */
  readonly maxBackoffSeconds: number;
}

/** The default {@link DossierLookupLimits}. */
export const DEFAULT_LOOKUP_LIMITS: DossierLookupLimits = {
  perCode: { limit: 20, windowSeconds: 600 },
  perClient: { limit: 120, windowSeconds: 600 },
  freeFailures: 3,
  maxBackoffSeconds: 3600,
};

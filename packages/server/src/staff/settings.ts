/** How long sessions last, how sign-in failures are slowed down, and how long the audit trail is kept. */
export interface StaffSettings {
  /** Minutes a session lasts without a request before it lapses (default 150: the lunch break fits in it). */
  readonly sessionIdleMinutes: number;
  /** Hours a session lasts at most, however busy (default 12: one office day, signing in once in the morning). */
  readonly sessionHours: number;
  /** Days audit lines are kept (default 365); older ones are purged at start and daily. */
  readonly auditRetentionDays: number;
  /** Wrong passwords per account (within a day) before each further try of that account waits 2, 4, 8 … seconds. */
  readonly freeFailuresPerAccount: number;
  /** Wrong passwords per client address before that client waits likewise. */
  readonly freeFailuresPerClient: number;
  /** The longest wait after wrong passwords, in seconds (default 900). */
  readonly maxBackoffSeconds: number;
}

/**
 * The defaults: a session lapses after 2½ hours unused and ends after 12 hours; 5 wrong passwords of an account (20
 * of a client) are free, then the waits double up to 15 minutes; audit lines are kept a year.
 */
export const DEFAULT_STAFF_SETTINGS: StaffSettings = {
  sessionIdleMinutes: 150,
  sessionHours: 12,
  auditRetentionDays: 365,
  freeFailuresPerAccount: 5,
  freeFailuresPerClient: 20,
  maxBackoffSeconds: 900,
};

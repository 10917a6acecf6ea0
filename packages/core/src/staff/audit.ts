import { isJsonObject } from '../text/json-object.js';
/** Who did something: a signed-in user, a paired device, a static token from the configuration, or nobody known. */
export type AuditActorKind = 'user' | 'device' | 'token' | 'anonymous';

/** The actor of an {@link AuditEntry}: its kind, and where known its id and the name shown to people. */
export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id?: string;
  readonly name?: string;
}

/**
 * One line of the audit trail (`GET /api/audit`): when (`at`, ISO instant), who, what (`action` such as
 * `session.sign-in`, `queue.call`, `dossier.receive`, and its `object`), from which address and counter, and any
 * detail the action records.
 */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly object?: string;
  readonly address?: string;
  readonly counter?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

const ACTOR_KINDS: readonly AuditActorKind[] = ['user', 'device', 'token', 'anonymous'];

const optionalStrings = (value: Record<string, unknown>, keys: readonly string[]): Record<string, string> =>
  Object.fromEntries(keys.filter((key) => typeof value[key] === 'string').map((key) => [key, value[key] as string]));

/**
 * An audit line's JSON as an {@link AuditEntry}, or undefined when it lacks its id, time, actor or action; optional
 * fields that are malformed are left out.
 *
 * @example
 * ```ts
 * const { entries } = await (await fetch('/api/audit?from=2026-12-04', { credentials: 'same-origin' })).json();
 * const trail = entries.map(readAuditEntry).filter(Boolean);
 * trail[0]?.actor.name; // 'Nguyễn Văn An'
 * ```
 */
export function readAuditEntry(value: unknown): AuditEntry | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.actor)) return undefined;
  const { id, at, action, actor, detail } = value;
  if (typeof id !== 'string' || typeof at !== 'string' || typeof action !== 'string') return undefined;
  if (!(ACTOR_KINDS as readonly unknown[]).includes(actor.kind)) return undefined;
  return {
    id,
    at,
    actor: { kind: actor.kind as AuditActorKind, ...optionalStrings(actor, ['id', 'name']) },
    action,
    ...optionalStrings(value, ['object', 'address', 'counter']),
    ...(isJsonObject(detail) && !Array.isArray(detail) ? { detail } : {}),
  };
}

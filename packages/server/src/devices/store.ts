import type { DeviceKind, DeviceView, PendingPairing } from '@motcua/core/staff';
import type { Queryable } from '../db/database.js';

// The SQL of pairings and devices. Times are milliseconds since the epoch, from the service's clock.

/** A pairing as stored, found by its claim. */
export interface StoredPairing {
  readonly code: string;
  readonly expiresAt: number;
  /** Undefined while no admin decided. */
  readonly approved: boolean | undefined;
  readonly name: string | null;
  readonly kind: DeviceKind | null;
  readonly counter: string | null;
  readonly decidedBy: string | null;
  readonly collectedAt: number | null;
}

/** A device found by its credential: what it may do. */
export interface CredentialDevice {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly counter: string | null;
  readonly lastSeenAt: number | null;
}

interface PairingRow {
  code: string;
  expires_at: string | number;
  approved: boolean | null;
  name: string | null;
  kind: DeviceKind | null;
  counter: string | null;
  decided_by: string | null;
  collected_at: string | number | null;
}

interface DeviceRow {
  id: string;
  name: string;
  kind: DeviceKind;
  counter: string | null;
  created_at: string | number;
  last_seen_at: string | number | null;
  revoked_at: string | number | null;
}

const iso = (ms: string | number): string => new Date(Number(ms)).toISOString();

/** The claim's pairing in the office, if any. */
export async function pairingByClaim(
  db: Queryable,
  office: string,
  claimHash: string,
): Promise<StoredPairing | undefined> {
  const [row] = await db.query<PairingRow>(
    `select code, expires_at, approved, name, kind, counter, decided_by, collected_at from device_pairings
     where office = $1 and claim_hash = $2`,
    [office, claimHash],
  );
  if (!row) return undefined;
  return {
    code: row.code,
    expiresAt: Number(row.expires_at),
    approved: row.approved ?? undefined,
    name: row.name,
    kind: row.kind,
    counter: row.counter,
    decidedBy: row.decided_by,
    collectedAt: row.collected_at === null ? null : Number(row.collected_at),
  };
}

/**
 * Stores a new pairing under `code`, over an expired one of the same code; false when a live pairing has the code
 * (the caller draws another).
 */
export async function insertPairing(
  db: Queryable,
  p: {
    office: string;
    code: string;
    claimHash: string;
    requestedAt: number;
    expiresAt: number;
    /** What the device says it is. */
    kind?: DeviceKind | undefined;
  },
): Promise<boolean> {
  const rows = await db.query(
    `insert into device_pairings (office, code, claim_hash, requested_at, expires_at, requested_kind)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (office, code) do update set
       claim_hash = excluded.claim_hash, requested_at = excluded.requested_at, expires_at = excluded.expires_at,
       requested_kind = excluded.requested_kind,
       decided_at = null, decided_by = null, approved = null, name = null, kind = null, counter = null,
       device_id = null, collected_at = null
     where device_pairings.expires_at <= excluded.requested_at
     returning code`,
    [p.office, p.code, p.claimHash, p.requestedAt, p.expiresAt, p.kind ?? null],
  );
  return rows.length === 1;
}

/** Forgets the office's pairings that lapsed more than a day before `now`. */
export async function purgePairings(db: Queryable, office: string, now: number): Promise<void> {
  await db.query('delete from device_pairings where office = $1 and expires_at < $2', [office, now - 86_400_000]);
}

/** How many pairings of the office wait for an admin at `now`. */
export async function countPendingPairings(db: Queryable, office: string, now: number): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(
    'select count(*) as n from device_pairings where office = $1 and expires_at > $2 and decided_at is null',
    [office, now],
  );
  return Number(row?.n ?? 0);
}

/** The office's pairings waiting for an admin at `now`, oldest first. */
export async function pendingPairings(db: Queryable, office: string, now: number): Promise<PendingPairing[]> {
  const rows = await db.query<{
    code: string;
    requested_at: string | number;
    expires_at: string | number;
    requested_kind: DeviceKind | null;
  }>(
    `select code, requested_at, expires_at, requested_kind from device_pairings
     where office = $1 and expires_at > $2 and decided_at is null order by requested_at, code`,
    [office, now],
  );
  return rows.map((r) => ({
    code: r.code,
    requestedAt: iso(r.requested_at),
    expiresAt: iso(r.expires_at),
    ...(r.requested_kind ? { requestedKind: r.requested_kind } : {}),
  }));
}

/**
 * Records an admin's decision on a live, undecided pairing: approved with the device's name, kind and counter, or
 * rejected. Returns whether the pairing was live and undecided.
 */
export async function decidePairing(
  db: Queryable,
  d: {
    office: string;
    code: string;
    now: number;
    by: string;
    approval?: { name: string; kind: DeviceKind; counter: string | null };
  },
): Promise<boolean> {
  const rows = await db.query(
    `update device_pairings set decided_at = $3, decided_by = $4, approved = $5, name = $6, kind = $7, counter = $8
     where office = $1 and code = $2 and expires_at > $3 and decided_at is null returning code`,
    [
      d.office,
      d.code,
      d.now,
      d.by,
      d.approval !== undefined,
      d.approval?.name ?? null,
      d.approval?.kind ?? null,
      d.approval?.counter ?? null,
    ],
  );
  return rows.length === 1;
}

/**
 * Marks an approved pairing collected and creates its device with the credential's hash, in one statement each
 * inside the caller's transaction; false when another request collected it first.
 */
export async function collectPairing(
  db: Queryable,
  c: {
    office: string;
    claimHash: string;
    now: number;
    device: { id: string; name: string; kind: DeviceKind; counter: string | null; createdBy: string | null };
    credentialHash: string;
  },
): Promise<boolean> {
  const marked = await db.query(
    `update device_pairings set collected_at = $3, device_id = $4
     where office = $1 and claim_hash = $2 and approved and collected_at is null and expires_at > $3 returning code`,
    [c.office, c.claimHash, c.now, c.device.id],
  );
  if (marked.length !== 1) return false;
  await db.query(
    `insert into devices (id, office, name, kind, counter, credential_hash, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      c.device.id,
      c.office,
      c.device.name,
      c.device.kind,
      c.device.counter,
      c.credentialHash,
      c.device.createdBy,
      c.now,
    ],
  );
  return true;
}

/** The office's live (not revoked) device whose credential has this SHA-256, if any. */
export async function deviceByCredential(
  db: Queryable,
  office: string,
  credentialHash: string,
): Promise<CredentialDevice | undefined> {
  const [row] = await db.query<DeviceRow>(
    `select id, name, kind, counter, created_at, last_seen_at, revoked_at from devices
     where credential_hash = $1 and office = $2 and revoked_at is null`,
    [credentialHash, office],
  );
  if (!row) return undefined;
  const lastSeenAt = row.last_seen_at === null ? null : Number(row.last_seen_at);
  return { id: row.id, name: row.name, kind: row.kind, counter: row.counter, lastSeenAt };
}

/** Notes that the device was seen at `now`. */
export async function touchDevice(db: Queryable, id: string, now: number): Promise<void> {
  await db.query('update devices set last_seen_at = $2 where id = $1', [id, now]);
}

function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...(row.counter !== null ? { counter: row.counter } : {}),
    createdAt: iso(row.created_at),
    ...(row.last_seen_at !== null ? { lastSeenAt: iso(row.last_seen_at) } : {}),
    ...(row.revoked_at !== null ? { revokedAt: iso(row.revoked_at) } : {}),
  };
}

/** The office's devices, revoked ones too, newest first. */
export async function listDevices(db: Queryable, office: string): Promise<DeviceView[]> {
  const rows = await db.query<DeviceRow>(
    `select id, name, kind, counter, created_at, last_seen_at, revoked_at from devices
     where office = $1 order by created_at desc, id`,
    [office],
  );
  return rows.map(deviceView);
}

/** One device of the office, if it exists. */
export async function deviceById(db: Queryable, office: string, id: string): Promise<DeviceView | undefined> {
  const [row] = await db.query<DeviceRow>(
    'select id, name, kind, counter, created_at, last_seen_at, revoked_at from devices where office = $1 and id = $2',
    [office, id],
  );
  return row ? deviceView(row) : undefined;
}

/** Revokes a device of the office (a revoked one keeps its first revocation); false when there is no such device. */
export async function revokeDevice(
  db: Queryable,
  r: { office: string; id: string; now: number; by: string },
): Promise<boolean> {
  const rows = await db.query(
    `update devices set revoked_at = coalesce(revoked_at, $3), revoked_by = coalesce(revoked_by, $4)
     where office = $1 and id = $2 returning id`,
    [r.office, r.id, r.now, r.by],
  );
  return rows.length === 1;
}

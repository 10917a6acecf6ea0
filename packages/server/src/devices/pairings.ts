import { randomInt, randomUUID } from 'node:crypto';
import {
  type AuditActor,
  type DeviceView,
  normalizePairingCode,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  type PairingApproval,
  type PairingCollected,
  type PairingStart,
} from '@motcua/core/staff';
import type { Context } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { Office } from '../office/office.js';
import { type DeviceAuditWriter, deviceAudit, requireAdmin } from './audit-events.js';
import { credentialHash, newCredential } from './credentials.js';
import { type DeviceRoutesDeps, MAX_PENDING_PAIRINGS, PAIRING_MINUTES } from './deps.js';
import { approvalBody, claimBody } from './inputs.js';
import {
  collectPairing,
  countPendingPairings,
  decidePairing,
  deviceById,
  insertPairing,
  pairingByClaim,
  pendingPairings,
  purgePairings,
} from './store.js';

function newCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** The audit writer of a request: its office, the service's clock, the client's address. */
const auditOf = (deps: DeviceRoutesDeps, c: Context): DeviceAuditWriter =>
  deviceAudit(deps.office, deps.now, deps.clientOf(c));

const unknownPairing = () =>
  new ApiError(404, 'unknown-pairing', {
    vi: 'Không có yêu cầu ghép nối nào đang chờ với mã này (mã đã hết hạn hoặc đã được xử lý)',
    en: 'No pairing waits with this code (it expired or was already decided)',
  });

/**
 * `POST /api/devices/pairings` (anyone; limited per client): a device asks to be paired with the claim secret it
 * generated and gets the code to show on its screen (`201`). The same claim again, while the pairing waits, gets
 * the same code; a claim already used is refused (`409`): the device draws a new one.
 *
 * @example
 * ```ts
 * app.post('/api/devices/pairings', (c) => startPairing(c, deps));
 * ```
 */
export async function startPairing(c: Context, deps: DeviceRoutesDeps): Promise<Response> {
  const { db, office } = deps;
  const { claim, kind } = await readJsonBody(c, claimBody);
  const claimHash = credentialHash(claim);
  const now = deps.now();
  const start = await db.transaction(async (tx): Promise<PairingStart> => {
    const existing = await pairingByClaim(tx, office.id, claimHash);
    if (existing) {
      if (existing.approved === undefined && existing.expiresAt > now) {
        return { code: existing.code, expiresAt: new Date(existing.expiresAt).toISOString() };
      }
      throw new ApiError(409, 'claim-used', {
        vi: 'Mã xác nhận của thiết bị đã được dùng; thiết bị cần tạo mã mới',
        en: 'This claim was already used; the device must generate a new one',
      });
    }
    await purgePairings(tx, office.id, now);
    if ((await countPendingPairings(tx, office.id, now)) >= MAX_PENDING_PAIRINGS) {
      throw new ApiError(429, 'too-many-pairings', {
        vi: `Đã có ${MAX_PENDING_PAIRINGS} thiết bị chờ ghép nối; vui lòng chờ quản trị viên xử lý hoặc mã hết hạn`,
        en: `${MAX_PENDING_PAIRINGS} devices already wait to be paired; wait for an admin or for codes to expire`,
      });
    }
    const expiresAt = now + (deps.pairingMinutes ?? PAIRING_MINUTES) * 60_000;
    // A live pairing with the same code is rare (25⁶ codes, at most 20 live): draw again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = newCode();
      if (await insertPairing(tx, { office: office.id, code, claimHash, requestedAt: now, expiresAt, kind })) {
        return { code, expiresAt: new Date(expiresAt).toISOString() };
      }
    }
    throw new Error('no free pairing code after 10 draws');
  });
  await auditOf(deps, c)(deps.db, { actor: { kind: 'anonymous' }, action: 'device.pair-request', object: start.code });
  return c.json(start, 201);
}

/**
 * `GET /api/devices/pairings` (admin): the pairings waiting for an admin, oldest first.
 *
 * @example
 * ```ts
 * app.get('/api/devices/pairings', (c) => listPairings(c, deps));
 * ```
 */
export async function listPairings(c: Context, deps: DeviceRoutesDeps): Promise<Response> {
  requireAdmin(c);
  return c.json({ pairings: await pendingPairings(deps.db, deps.office.id, deps.now()) });
}

/** An approval as checked against the office: a counter tablet names one of its counters, other devices none. */
function checkApproval(office: Office, input: PairingApproval): void {
  if (input.kind === 'counter' && (input.counter === undefined || !office.queue.counters.has(input.counter))) {
    throw new ApiError(400, 'unknown-counter', {
      vi: 'Máy tính bảng tại quầy cần mã một quầy của cơ quan (counter)',
      en: 'A counter tablet needs one of the office’s counters (counter)',
    });
  }
  if (input.kind !== 'counter' && input.counter !== undefined) {
    throw new ApiError(400, 'counter-not-allowed', {
      vi: 'Chỉ máy tính bảng tại quầy (kind: counter) gắn với một quầy',
      en: 'Only a counter tablet (kind: counter) belongs to a counter',
    });
  }
}

/**
 * An admin's decision on the pairing that shows `typed` (as read off the screen): approved as `approval`, or
 * rejected without one; recorded in the audit trail through `audit`, in the same transaction. 404
 * `unknown-pairing` when no pairing waits with this code.
 *
 * @example
 * ```ts
 * await decidePairingAs(deps, admin, 'KX7-94M', { name: 'Ki-ốt sảnh', kind: 'kiosk' }, write);
 * ```
 */
export async function decidePairingAs(
  deps: Pick<DeviceRoutesDeps, 'db' | 'office' | 'now'>,
  admin: AuditActor,
  typed: string,
  approval: PairingApproval | undefined,
  audit: DeviceAuditWriter,
): Promise<void> {
  if (approval) checkApproval(deps.office, approval);
  const code = normalizePairingCode(typed);
  if (code === undefined) throw unknownPairing();
  await deps.db.transaction(async (tx) => {
    const decided = await decidePairing(tx, {
      office: deps.office.id,
      code,
      now: deps.now(),
      by: admin.id ?? 'cli',
      ...(approval
        ? { approval: { name: approval.name, kind: approval.kind, counter: approval.counter ?? null } }
        : {}),
    });
    if (!decided) throw unknownPairing();
    await audit(tx, {
      actor: admin,
      action: approval ? 'device.pair-approve' : 'device.pair-reject',
      object: code,
      ...(approval?.counter !== undefined ? { counter: approval.counter } : {}),
      ...(approval ? { detail: { name: approval.name, kind: approval.kind } } : {}),
    });
  });
}

/**
 * `POST /api/devices/pairings/{code}/approve` and `…/reject` (admin): decides a waiting pairing; an approval names the
 * device, says what it may do and, for a counter tablet, which counter (`204`). A code that no longer waits: `404`.
 *
 * @example
 * ```ts
 * app.post('/api/devices/pairings/:code/approve', (c) => decide(c, deps, true));
 * ```
 */
export async function decide(c: Context, deps: DeviceRoutesDeps, approve: boolean): Promise<Response> {
  const admin = requireAdmin(c);
  const input = approve ? await readJsonBody(c, approvalBody) : undefined;
  const approval = input && {
    name: input.name,
    kind: input.kind,
    ...(input.counter ? { counter: input.counter } : {}),
  };
  await decidePairingAs(deps, admin, c.req.param('code') ?? '', approval, auditOf(deps, c));
  return c.body(null, 204);
}

const gone = (code: string, vi: string, en: string) => new ApiError(410, code, { vi, en });

/**
 * `POST /api/devices/pairings/collect` (the device, with its claim): `202` while no admin decided, `200` with the
 * device's credential exactly once after an approval, `410` once collected, rejected or expired, `404` for a claim
 * the office never saw. The credential is created here; only its SHA-256 is stored.
 *
 * @example
 * ```ts
 * app.post('/api/devices/pairings/collect', (c) => collect(c, deps));
 * ```
 */
export async function collect(c: Context, deps: DeviceRoutesDeps): Promise<Response> {
  const { db, office } = deps;
  const { claim } = await readJsonBody(c, claimBody);
  const claimHash = credentialHash(claim);
  const now = deps.now();
  const pairing = await pairingByClaim(db, office.id, claimHash);
  if (!pairing) {
    throw new ApiError(404, 'unknown-pairing', {
      vi: 'Cơ quan không có yêu cầu ghép nối nào với mã xác nhận này',
      en: 'The office has no pairing with this claim',
    });
  }
  const collected = () =>
    gone(
      'pairing-collected',
      'Thiết bị đã nhận mã truy cập của lần ghép nối này',
      'This pairing was already collected',
    );
  if (pairing.collectedAt !== null) throw collected();
  if (pairing.approved === false) {
    throw gone('pairing-rejected', 'Quản trị viên đã từ chối ghép nối', 'An admin rejected the pairing');
  }
  if (pairing.expiresAt <= now) {
    throw gone('pairing-expired', 'Mã ghép nối đã hết hạn; hãy bắt đầu lại', 'The pairing expired; start again');
  }
  if (pairing.approved === undefined) {
    c.header('Retry-After', '2');
    return c.json({ status: 'pending', expiresAt: new Date(pairing.expiresAt).toISOString() }, 202);
  }
  const credential = newCredential();
  const device = {
    id: randomUUID(),
    name: pairing.name as string,
    kind: pairing.kind as NonNullable<typeof pairing.kind>,
    counter: pairing.counter,
    createdBy: pairing.decidedBy,
  };
  const view = await db.transaction(async (tx): Promise<DeviceView> => {
    if (
      !(await collectPairing(tx, {
        office: office.id,
        claimHash,
        now,
        device,
        credentialHash: credentialHash(credential),
      }))
    ) {
      throw collected();
    }
    await auditOf(deps, c)(tx, {
      actor: { kind: 'device', id: device.id, name: device.name },
      action: 'device.pair-collect',
      object: device.id,
      ...(device.counter !== null ? { counter: device.counter } : {}),
      detail: { code: pairing.code, kind: device.kind },
    });
    return (await deviceById(tx, office.id, device.id)) as DeviceView;
  });
  c.header('Cache-Control', 'no-store');
  const answer: PairingCollected = { credential, device: view };
  return c.json(answer, 200);
}

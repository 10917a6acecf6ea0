import {
  issueDossierCode,
  parseOffsetDateTime,
  parseTimeLimit,
  type ReceiptSlip,
  receiptSlip,
} from '@motcua/core/deadline';
import type { Context } from 'hono';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { notifyChange } from '../notifications/enqueue.js';
import { sessionOf } from '../staff/caller.js';
import { receiveBody } from './inputs.js';
import { hashPin, newPin } from './pin.js';
import { procedureDocuments, procedureTimeLimit } from './procedure-terms.js';
import type { DossierService } from './service.js';
import { counterOf } from './staff.js';
import { databaseDailySequence, dossierByReceiveKey, insertDossier } from './store.js';
import { vietnamIso } from './vietnam-iso.js';

/**
 * The agency identifier dossier codes carry when the catalogue's agency has no `code`: a placeholder in the
 * QCVN 102:2016 form (`V1V2V3.Z1Z2.Y1Y2.MX1X2`). Set `agency.code` in the catalogue before real use [U].
 */
export const PLACEHOLDER_AGENCY_CODE = '000.00.00.H00';

/**
 * `POST /api/dossiers` (counter token): receives a dossier for a procedure of the catalogue; assigns its code (daily
 * sequence from an atomic counter row) and a lookup PIN (only its hash is stored), computes the due date with core
 * and answers `{ code, pin, dueAt, ticket, receipt }` (the receipt slip, Mẫu 01). With an Idempotency-Key, a retry
 * finds the dossier its first attempt stored.
 *
 * @example
 * ```ts
 * app.post('/api/dossiers', (c) => receiveDossier(c, service));
 * ```
 */
export async function receiveDossier(c: Context, s: DossierService): Promise<Response> {
  const { db, office, now } = s;
  const input = await readJsonBody(c, receiveBody);
  const catalogue = await s.deps.catalogue();
  if (!catalogue) {
    throw new ApiError(404, 'no-catalogue', {
      vi: 'Máy chủ chưa được cấu hình danh mục thủ tục',
      en: 'No procedure catalogue is configured on this server',
    });
  }
  const procedure = catalogue.procedures.find((p) => p.code === input.procedure);
  if (!procedure) {
    throw new ApiError(404, 'unknown-procedure', {
      vi: `Danh mục không có thủ tục mã "${input.procedure}"`,
      en: `The catalogue has no procedure "${input.procedure}"`,
    });
  }
  if (input.acrossBoundary === true && !procedure.flags?.nationwide && !procedure.flags?.boundaryFree) {
    throw new ApiError(422, 'not-accepted-across-boundary', {
      vi: 'Thủ tục này không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính',
      en: 'This procedure is not on the list of procedures accepted regardless of administrative boundary',
    });
  }
  const limit =
    input.limit === undefined ? procedureTimeLimit(procedure, input.channel) : parseTimeLimit(input.limit, ['limit']);
  if (!limit) {
    throw new ApiError(422, 'no-time-limit', {
      vi: 'Thủ tục này chưa có thời hạn giải quyết trong danh mục; hãy gửi kèm thời hạn (limit)',
      en: 'The catalogue gives this procedure no time limit; send one (limit)',
    });
  }
  const at = now();
  const receivedAt = input.receivedAt ?? vietnamIso(at);
  if ((parseOffsetDateTime(receivedAt) as number) > at + 60_000) {
    throw new ApiError(400, 'received-in-future', {
      vi: 'Thời điểm tiếp nhận không thể ở tương lai',
      en: 'The receipt time cannot be in the future',
    });
  }
  const agency = catalogue.agency.code ?? PLACEHOLDER_AGENCY_CODE;
  const counter = counterOf(c);
  const pin = newPin();
  const pinHash = await hashPin(pin);
  // With an Idempotency-Key the dossier remembers it: a retry whose first attempt stored the dossier but not its
  // answer (the process died in between) finds that dossier instead of receiving a second one.
  const key = c.req.header('idempotency-key');
  const receiveKey = key ? `${counter}:${key}` : null;
  const received = await db
    .transaction(async (tx) => {
      if (receiveKey !== null) {
        const earlier = await dossierByReceiveKey(tx, office.id, receiveKey, pinHash);
        if (earlier) return { slip: earlier.slip, ticket: earlier.ticket };
      }
      const code = await issueDossierCode(
        { agency, receivedAt },
        databaseDailySequence(tx, office.id),
        s.deps.codeFormat,
      );
      const receipt: ReceiptSlip = receiptSlip(
        {
          code,
          agency: catalogue.agency.name,
          ...(input.place ? { place: input.place } : {}),
          applicant: input.applicant,
          procedure: procedure.name,
          procedureCode: procedure.code,
          documents: input.documents ?? procedureDocuments(procedure),
          ...(input.sets ? { sets: input.sets } : {}),
          receivedAt,
          limit,
          ...(input.delivery ? { delivery: input.delivery } : {}),
          ...(input.ledger ? { ledger: input.ledger } : {}),
          // The signed-in officer's name is printed, whatever the console sent.
          receivedBy: sessionOf(c)?.user.displayName ?? input.receivedBy ?? counter,
          ...(s.deps.lookupUrl ? { lookupUrl: s.deps.lookupUrl.replace('{code}', encodeURIComponent(code)) } : {}),
          ...(input.acrossBoundary ? { acrossBoundary: true } : {}),
        },
        { ...s.clock, ...(s.deps.codeFormat ? { codeFormat: s.deps.codeFormat } : {}) },
      );
      // A code another dossier holds (two offices given one agency code) fails the receipt instead of answering a
      // receipt for a dossier that was never stored.
      const stored = await insertDossier(
        tx,
        {
          code,
          office: office.id,
          procedureCode: procedure.code,
          procedureName: procedure.name,
          channel: input.channel,
          limit,
          receivedAt: receipt.receivedAt,
          dueAt: receipt.dueAt,
          acrossBoundary: input.acrossBoundary === true,
          pinHash,
          ticket: input.ticket ?? null,
          status: 'received',
          steps: [],
          slip: receipt,
          notify: input.notify ?? null,
        },
        receiveKey,
      );
      if (!stored) throw new Error(`dossier code ${code} is held by another dossier: is the agency code unique?`);
      // The receipt is the first status change the citizen is told of, committed with the dossier.
      await notifyChange(
        tx,
        office,
        {
          code,
          procedureCode: procedure.code,
          procedureName: procedure.name,
          receivedAt: receipt.receivedAt,
          dueAt: receipt.dueAt,
          status: 'received',
          steps: [],
          slip: receipt,
        },
        input.notify ?? null,
        at,
        s.deps.secret,
      );
      return { slip: receipt, ticket: input.ticket ?? null };
    })
    .catch((error: unknown) => {
      // Two attempts with one key at once (only after a crash: the idempotency middleware lets one through):
      // one stores the dossier; the other is told to retry, and its retry finds it.
      if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') {
        throw new ApiError(503, 'request-in-progress', {
          vi: 'Yêu cầu này đang được xử lý, vui lòng thử lại sau giây lát',
          en: 'This request is still being processed; retry in a moment',
        });
      }
      throw error;
    });
  const { slip, ticket } = received;
  return c.json({ code: slip.code, pin, dueAt: slip.dueAt, ticket, receipt: slip }, 201);
}

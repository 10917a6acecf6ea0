import { createHash } from 'node:crypto';
import { DOSSIER_STATUS_NAMES, type DossierStatusNotice } from '@motcua/core/deadline';
import type { DossierStep, StoredDossier } from '../dossiers/store.js';

/**
 * The stable key of one notification: the same office, dossier, step and channel always give the same id, so the
 * receipt retried with its Idempotency-Key writes no second notification and a receiver can drop repeats.
 *
 * @example
 * ```ts
 * notificationId('demo', '000.00.00.H00-261205-0001', 0, 'tinh'); // 'n1f3a…' (33 characters)
 * ```
 */
export function notificationId(office: string, code: string, step: number, channel: string): string {
  const digest = createHash('sha256').update(`${office}\n${code}\n${step}\n${channel}`).digest('hex');
  return `n${digest.slice(0, 32)}`;
}

/** When the result came (the last `resolved` or `returned` step), if it has. */
function resultAt(steps: readonly DossierStep[]): string | undefined {
  return [...steps].reverse().find((s) => s.type === 'resolved' || s.type === 'returned')?.at;
}

/** The due date in force: the last extension's or authority receipt's, else the printed one. */
function dueAt(dossier: Pick<StoredDossier, 'dueAt'>, steps: readonly DossierStep[]): string {
  return [...steps].reverse().find((s) => s.dueAt !== undefined)?.dueAt ?? dossier.dueAt;
}

/**
 * The notice of a dossier's latest change (its receipt when it has no step yet), without its id (one per channel):
 * the agency and the person handling it, the times of receipt, processing and result, the code and the new status.
 *
 * @example
 * ```ts
 * const notice = noticeOf(dossier, 'demo', 'https://xa.gov.vn/tra-cuu?ma={code}');
 * notice.dossier.statusName.vi; // 'Được tiếp nhận'
 * ```
 */
export function noticeOf(
  dossier: Pick<
    StoredDossier,
    'code' | 'procedureCode' | 'procedureName' | 'receivedAt' | 'dueAt' | 'status' | 'steps' | 'slip'
  >,
  office: string,
  statusUrl: string | undefined,
): Omit<DossierStatusNotice, 'id'> {
  const step = dossier.steps.at(-1);
  const at = step?.at ?? dossier.receivedAt;
  const result = resultAt(dossier.steps);
  const counter = step ? step.counter : undefined;
  const name = step ? (step.officer?.name ?? step.counter ?? '') : (dossier.slip.receivedBy ?? '');
  return {
    type: 'dossier.status-changed',
    office,
    occurredAt: at,
    dossier: {
      code: dossier.code,
      procedure: { code: dossier.procedureCode, name: dossier.procedureName },
      agency: dossier.slip.agency,
      step: step?.type ?? 'received',
      status: dossier.status,
      statusName: DOSSIER_STATUS_NAMES[dossier.status],
      handledBy: { name, ...(counter ? { counter } : {}) },
      receivedAt: dossier.receivedAt,
      processedAt: at,
      ...(result ? { resultAt: result } : {}),
      dueAt: dueAt(dossier, dossier.steps),
      ...(step?.reason ? { reason: step.reason } : {}),
      ...(statusUrl ? { statusUrl: statusUrl.replace('{code}', encodeURIComponent(dossier.code)) } : {}),
    },
  };
}

/** `2026-12-05T08:30:00+07:00` as `08:30 05/12/2026`: read from the string, whatever the host's time zone. */
function shown(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The notice as a short text in Vietnamese or English (an SMS, a Zalo message, an email's body): the agency, the
 * code, the new status, the person handling it and the times; the status page last.
 *
 * @example
 * ```ts
 * noticeText(notice, 'vi');
 * // 'UBND xã Mẫu: hồ sơ 000.00.00.H00-261205-0001 (Đăng ký khai sinh) – Được tiếp nhận. Người xử lý: …'
 * ```
 */
export function noticeText(notice: Omit<DossierStatusNotice, 'id'>, language: 'vi' | 'en'): string {
  const d = notice.dossier;
  const handler =
    d.handledBy.counter && d.handledBy.counter !== d.handledBy.name
      ? `${d.handledBy.name} (${language === 'vi' ? 'quầy' : 'counter'} ${d.handledBy.counter})`
      : d.handledBy.name;
  const lines =
    language === 'vi'
      ? [
          `${d.agency}: hồ sơ ${d.code} (${d.procedure.name}) – ${d.statusName.vi}.`,
          `Người xử lý: ${handler}.`,
          `Tiếp nhận: ${shown(d.receivedAt)}; xử lý: ${shown(d.processedAt)}; ${
            d.resultAt ? `có kết quả: ${shown(d.resultAt)}` : `hẹn trả kết quả: ${shown(d.dueAt)}`
          }.`,
          ...(d.reason ? [`Lý do: ${d.reason}.`] : []),
          ...(d.statusUrl ? [`Tra cứu: ${d.statusUrl}`] : []),
        ]
      : [
          `${d.agency}: dossier ${d.code} (${d.procedure.name}) – ${d.statusName.en}.`,
          `Handled by: ${handler}.`,
          `Received: ${shown(d.receivedAt)}; processed: ${shown(d.processedAt)}; ${
            d.resultAt ? `result: ${shown(d.resultAt)}` : `result due: ${shown(d.dueAt)}`
          }.`,
          ...(d.reason ? [`Reason: ${d.reason}.`] : []),
          ...(d.statusUrl ? [`Status: ${d.statusUrl}`] : []),
        ];
  return lines.join('\n');
}

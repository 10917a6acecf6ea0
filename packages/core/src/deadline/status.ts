import type { LocalizedText, Problem, ProblemPath } from '../text/problem.js';
import { MotcuaError, problem } from '../text/problem.js';

/**
 * The one status of a dossier that every motcua package uses, in lifecycle order. Each maps to one
 * of the ten codes the one-door systems sync to Cổng DVCQG (§5.1 of the rules, [S]):
 * `registered` 1 (mới đăng ký, online, not yet received), `received` 2 (được tiếp nhận), `refused` 3
 * (không được tiếp nhận), `processing` 4 (đang xử lý), `supplement-requested` 5 (yêu cầu bổ sung),
 * `payment-requested` 6 (yêu cầu thực hiện nghĩa vụ tài chính), `withdrawn` 7 (công dân yêu cầu rút
 * hồ sơ), `stopped` 8 (dừng xử lý), `resolved` 9 (đã xử lý xong), `returned` 10 (đã trả kết quả).
 *
 * @example
 * ```ts
 * const status: DossierStatus = 'supplement-requested';
 * toNationalStatusCode(status); // 5
 * ```
 */
export type DossierStatus =
  | 'registered'
  | 'received'
  | 'refused'
  | 'processing'
  | 'supplement-requested'
  | 'payment-requested'
  | 'withdrawn'
  | 'stopped'
  | 'resolved'
  | 'returned';

/**
 * Every {@link DossierStatus}, in the order of the national codes 1–10.
 *
 * @example
 * ```ts
 * DOSSIER_STATUSES.indexOf('returned') + 1; // 10
 * ```
 */
export const DOSSIER_STATUSES: readonly DossierStatus[] = Object.freeze([
  'registered',
  'received',
  'refused',
  'processing',
  'supplement-requested',
  'payment-requested',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
]);

/**
 * The names of the statuses, as the national portal words them, in Vietnamese and English.
 *
 * @example
 * ```ts
 * DOSSIER_STATUS_NAMES.resolved.vi; // 'Đã xử lý xong'
 * ```
 */
export const DOSSIER_STATUS_NAMES: Readonly<Record<DossierStatus, LocalizedText>> = Object.freeze({
  registered: { vi: 'Mới đăng ký', en: 'Registered online' },
  received: { vi: 'Được tiếp nhận', en: 'Received' },
  refused: { vi: 'Không được tiếp nhận', en: 'Refused' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  'supplement-requested': { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  'payment-requested': { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  withdrawn: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  resolved: { vi: 'Đã xử lý xong', en: 'Resolved' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
});

/**
 * The national status code (1–10) of a status.
 *
 * @example
 * ```ts
 * toNationalStatusCode('registered'); // 1
 * toNationalStatusCode('returned');   // 10
 * ```
 */
export function toNationalStatusCode(status: DossierStatus): number {
  const index = DOSSIER_STATUSES.indexOf(status);
  if (index < 0) {
    throw new MotcuaError([
      problem([], 'unknown-status', {
        vi: `Trạng thái hồ sơ không hợp lệ; phải là một trong: ${DOSSIER_STATUSES.join(', ')}`,
        en: `Unknown dossier status; expected one of: ${DOSSIER_STATUSES.join(', ')}`,
      }),
    ]);
  }
  return index + 1;
}

/** The entry of `list` a 1-based code names (an integer, or its one or two digits as text); `undefined` otherwise. */
function codeIn<T>(list: readonly T[], value: unknown): T | undefined {
  const n =
    typeof value === 'number' && Number.isInteger(value)
      ? value
      : typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value)
        ? Number(value)
        : undefined;
  return n === undefined || n < 1 ? undefined : list[n - 1];
}

/**
 * The status of a national status code (a number, or its digits as text as synced data often has), or `undefined`
 * for anything but 1–10: {@link fromNationalStatusCode} without its error, for a reader that shows no problem text.
 *
 * @example
 * ```ts
 * readNationalStatusCode('10'); // 'returned'
 * readNationalStatusCode(11);   // undefined
 * ```
 */
export function readNationalStatusCode(code: unknown): DossierStatus | undefined {
  return codeIn(DOSSIER_STATUSES, code);
}

/**
 * The problem of a value that is not a national status code, worded in Vietnamese and English.
 *
 * @internal
 */
export function unknownStatusCode(code: unknown, path: ProblemPath): Problem {
  return problem(path, 'unknown-status-code', {
    vi: `Mã trạng thái hồ sơ phải từ 1 đến 10, nhận được ${JSON.stringify(code) ?? String(code)}`,
    en: `A dossier status code must be 1–10; got ${JSON.stringify(code) ?? String(code)}`,
  });
}

/**
 * The status of a national status code (a number, or its digits as text as synced data often has).
 *
 * @throws MotcuaError (`unknown-status-code`) for anything but 1–10.
 * @example
 * ```ts
 * fromNationalStatusCode(5);    // 'supplement-requested'
 * fromNationalStatusCode('10'); // 'returned'
 * ```
 */
export function fromNationalStatusCode(code: unknown, path: ProblemPath = []): DossierStatus {
  const status = readNationalStatusCode(code);
  if (status === undefined) throw new MotcuaError([unknownStatusCode(code, path)]);
  return status;
}

/**
 * How a dossier was filed: in person, online, or by public postal service.
 *
 * @example
 * ```ts
 * const channel: DossierChannel = 'online';
 * toChannelCode(channel); // 2
 * ```
 */
export type DossierChannel = 'in-person' | 'online' | 'postal';

/**
 * Every {@link DossierChannel}, in the order of the `KenhThucHien` codes 1–3 (1 trực tiếp, 2 trực
 * tuyến, 3 bưu chính công ích [S]).
 *
 * @example
 * ```ts
 * DOSSIER_CHANNELS; // ['in-person', 'online', 'postal']
 * ```
 */
export const DOSSIER_CHANNELS: readonly DossierChannel[] = Object.freeze(['in-person', 'online', 'postal']);

/**
 * The names of the channels in Vietnamese and English.
 *
 * @example
 * ```ts
 * DOSSIER_CHANNEL_NAMES.postal.vi; // 'Bưu chính công ích'
 * ```
 */
export const DOSSIER_CHANNEL_NAMES: Readonly<Record<DossierChannel, LocalizedText>> = Object.freeze({
  'in-person': { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Bưu chính công ích', en: 'By post' },
});

/**
 * The `KenhThucHien` code (1–3) of a channel.
 *
 * @example
 * ```ts
 * toChannelCode('postal'); // 3
 * ```
 */
export function toChannelCode(channel: DossierChannel): number {
  const index = DOSSIER_CHANNELS.indexOf(channel);
  if (index < 0) {
    throw new MotcuaError([
      problem([], 'unknown-channel', {
        vi: `Kênh thực hiện không hợp lệ; phải là một trong: ${DOSSIER_CHANNELS.join(', ')}`,
        en: `Unknown channel; expected one of: ${DOSSIER_CHANNELS.join(', ')}`,
      }),
    ]);
  }
  return index + 1;
}

/**
 * The channel of a `KenhThucHien` code (a number or its digit as text), or `undefined` for anything but 1–3:
 * {@link fromChannelCode} without its error, for a reader that shows no problem text.
 *
 * @example
 * ```ts
 * readChannelCode('2'); // 'online'
 * readChannelCode(4);   // undefined
 * ```
 */
export function readChannelCode(code: unknown): DossierChannel | undefined {
  return codeIn(DOSSIER_CHANNELS, code);
}

/**
 * The problem of a value that is not a `KenhThucHien` code, worded in Vietnamese and English.
 *
 * @internal
 */
export function unknownChannelCode(code: unknown, path: ProblemPath): Problem {
  return problem(path, 'unknown-channel-code', {
    vi: `Mã kênh thực hiện phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính), nhận được ${JSON.stringify(code) ?? String(code)}`,
    en: `A channel code must be 1 (in person), 2 (online) or 3 (postal); got ${JSON.stringify(code) ?? String(code)}`,
  });
}

/**
 * The channel of a `KenhThucHien` code (a number or its digit as text).
 *
 * @throws MotcuaError (`unknown-channel-code`) for anything but 1–3.
 * @example
 * ```ts
 * fromChannelCode(2);   // 'online'
 * fromChannelCode('1'); // 'in-person'
 * ```
 */
export function fromChannelCode(code: unknown, path: ProblemPath = []): DossierChannel {
  const channel = readChannelCode(code);
  if (channel === undefined) throw new MotcuaError([unknownChannelCode(code, path)]);
  return channel;
}

// Builders shared by the queue tests. Named *.test.ts so that it stays out of the published build;
// it declares no tests of its own.
import type { QueueServiceConfig } from './config.js';

/** Epoch ms at a Vietnam clock time (UTC+7) on a date, without touching the host time zone. */
export function vn(date: string, time: string, seconds = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh - 7, mm, seconds);
}

/** Deterministic random bytes for ticket ids in tests. */
export function seededBytes(seed = 1): (length: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out[i] = state & 255;
    }
    return out;
  };
}

export const hoTich: QueueServiceConfig = { id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } };
export const chungThuc: QueueServiceConfig = {
  id: 'chung-thuc',
  prefix: 'B',
  name: { vi: 'Chứng thực', en: 'Certification' },
};
export const datDai: QueueServiceConfig = { id: 'dat-dai', prefix: 'C', name: { vi: 'Đất đai', en: 'Land' } };

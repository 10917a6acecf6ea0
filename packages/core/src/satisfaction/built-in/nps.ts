import type { Instrument, ScaleOption } from '../instrument.js';

const ZERO_TO_TEN: readonly ScaleOption[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label:
    value === 0
      ? { vi: '0 – Chắc chắn không', en: '0 – Not at all likely' }
      : value === 10
        ? { vi: '10 – Chắc chắn có', en: '10 – Extremely likely' }
        : { vi: String(value), en: String(value) },
}));

const NPS: Instrument = {
  id: 'nps',
  version: '1',
  kind: 'nps',
  validFrom: '2000-01-01',
  title: { vi: 'Chỉ số sẵn lòng giới thiệu (NPS)', en: 'Net Promoter Score (NPS)' },
  basis: { vi: 'Quy ước NPS: % 9–10 trừ % 0–6 trên thang 0–10', en: 'NPS convention: % 9–10 minus % 0–6 on 0–10' },
  questions: [
    {
      id: 'recommend',
      type: 'scale',
      text: {
        vi: 'Ông/bà có sẵn lòng giới thiệu dịch vụ này cho người quen không?',
        en: 'How likely are you to recommend this service to someone you know?',
      },
      required: true,
      options: ZERO_TO_TEN,
    },
  ],
  scoring: { questions: ['recommend'], combine: 'answer', formula: 'nps' },
};

/**
 * The versions of NPS (kind `nps`). Also in `BUILT_IN_INSTRUMENTS`; this module
 * alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * NPS_INSTRUMENTS[0].scoring.formula; // 'nps'
 * ```
 */
export const NPS_INSTRUMENTS: readonly Instrument[] = [NPS];

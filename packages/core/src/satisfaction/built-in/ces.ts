import type { Instrument, ScaleOption } from '../instrument.js';

const SEVEN_AGREEMENT: readonly ScaleOption[] = [
  { value: 7, label: { vi: 'Hoàn toàn đồng ý', en: 'Strongly agree' } },
  { value: 6, label: { vi: 'Đồng ý', en: 'Agree' } },
  { value: 5, label: { vi: 'Hơi đồng ý', en: 'Somewhat agree' } },
  { value: 4, label: { vi: 'Trung lập', en: 'Neither agree nor disagree' } },
  { value: 3, label: { vi: 'Hơi không đồng ý', en: 'Somewhat disagree' } },
  { value: 2, label: { vi: 'Không đồng ý', en: 'Disagree' } },
  { value: 1, label: { vi: 'Hoàn toàn không đồng ý', en: 'Strongly disagree' } },
];

const CES: Instrument = {
  id: 'ces',
  version: '1',
  kind: 'ces',
  validFrom: '2000-01-01',
  title: { vi: 'Mức độ dễ dàng (CES 2.0)', en: 'Customer effort (CES 2.0)' },
  basis: {
    vi: 'Quy ước CES 2.0: trung bình thang đồng ý 1–7',
    en: 'CES 2.0 convention: mean of the 1–7 agreement scale',
  },
  questions: [
    {
      id: 'effort',
      type: 'scale',
      text: {
        vi: 'Cơ quan đã giúp tôi giải quyết việc của mình một cách dễ dàng.',
        en: 'The office made it easy for me to handle my matter.',
      },
      required: true,
      options: SEVEN_AGREEMENT,
    },
  ],
  scoring: { questions: ['effort'], combine: 'answer', formula: 'ces' },
};

/**
 * The versions of CES 2.0 (kind `ces`). Also in `BUILT_IN_INSTRUMENTS`; this module
 * alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * CES_INSTRUMENTS[0].scoring.formula; // 'ces'
 * ```
 */
export const CES_INSTRUMENTS: readonly Instrument[] = [CES];

import type { Instrument } from '../instrument.js';
import { FIVE_LEVELS } from './scales.js';

const CSAT: Instrument = {
  id: 'csat',
  version: '1',
  kind: 'csat',
  validFrom: '2000-01-01',
  title: { vi: 'Mức độ hài lòng (CSAT)', en: 'Customer satisfaction (CSAT)' },
  basis: { vi: 'Quy ước CSAT: % chọn 4–5 trên thang 1–5', en: 'CSAT convention: % answering 4–5 on 1–5' },
  questions: [
    {
      id: 'satisfaction',
      type: 'scale',
      text: {
        vi: 'Nhìn chung, ông/bà hài lòng thế nào với dịch vụ hôm nay?',
        en: 'Overall, how did you feel about the service you received today?',
      },
      required: true,
      options: FIVE_LEVELS,
    },
    {
      id: 'comment',
      type: 'text',
      text: {
        vi: 'Chúng tôi có thể cải thiện thế nào? (không ghi thông tin cá nhân)',
        en: 'How could we improve this service? (do not include personal information)',
      },
      required: false,
      maxLength: 1250,
    },
  ],
  scoring: { questions: ['satisfaction'], combine: 'answer', formula: 'top2box' },
};

/**
 * The versions of CSAT (kind `csat`). Also in `BUILT_IN_INSTRUMENTS`; this module
 * alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * CSAT_INSTRUMENTS[0].scoring.formula; // 'top2box'
 * ```
 */
export const CSAT_INSTRUMENTS: readonly Instrument[] = [CSAT];

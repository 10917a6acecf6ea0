import type { LocalizedText } from '../../text/problem.js';
import type { Instrument, ScaleQuestion } from '../instrument.js';
import { FIVE_LEVELS } from './scales.js';

const SIPAS_FACTORS: readonly [string, LocalizedText][] = [
  [
    'access',
    {
      vi: 'Tiếp cận dịch vụ (nơi đón tiếp, chỉ dẫn, tiện nghi)',
      en: 'Access to the service (reception, signs, facilities)',
    },
  ],
  [
    'procedure',
    {
      vi: 'Thủ tục hành chính (công khai, hồ sơ, phí, thời hạn)',
      en: 'The procedure (publicity, documents, fees, time limit)',
    },
  ],
  [
    'officer',
    {
      vi: 'Công chức trực tiếp giải quyết (thái độ, hướng dẫn một lần đầy đủ)',
      en: 'The official handling it (courtesy, complete guidance at once)',
    },
  ],
  ['result', { vi: 'Kết quả giải quyết (đúng hạn, chính xác)', en: 'The result (on time, correct)' }],
  [
    'feedback',
    {
      vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
      en: 'Receiving and handling comments, complaints and suggestions',
    },
  ],
];

const SIPAS: Instrument = {
  id: 'vn-sipas',
  version: '1',
  kind: 'sipas',
  validFrom: '2017-01-01',
  title: {
    vi: 'Khảo sát hài lòng về sự phục vụ hành chính (5 yếu tố)',
    en: 'Satisfaction with public administrative services (5 factors)',
  },
  basis: {
    vi: 'Theo 5 yếu tố của SIPAS (Bộ Nội vụ); thang 5 mức và công thức chỉ số chưa xác nhận',
    en: "After SIPAS's five factors (Ministry of Home Affairs); the 5-level scale and the index formula are unconfirmed",
  },
  questions: [
    ...SIPAS_FACTORS.map(
      ([id, text]): ScaleQuestion => ({
        id,
        type: 'scale',
        text: { vi: `Mức độ hài lòng: ${text.vi}`, en: `Satisfaction: ${text.en}` },
        required: true,
        options: FIVE_LEVELS,
      }),
    ),
    {
      id: 'comment',
      type: 'text',
      text: {
        vi: 'Góp ý để cải thiện (không ghi thông tin cá nhân)',
        en: 'How could we improve? (do not include personal information)',
      },
      required: false,
      maxLength: 1250,
    },
  ],
  scoring: { questions: SIPAS_FACTORS.map(([id]) => id), combine: 'weighted', formula: 'mean' },
};

/**
 * The versions of the SIPAS-style survey (kind `sipas`). Also in `BUILT_IN_INSTRUMENTS`; this module
 * alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * SIPAS_INSTRUMENTS[0].questions.length; // 6: five factors and a comment
 * ```
 */
export const SIPAS_INSTRUMENTS: readonly Instrument[] = [SIPAS];

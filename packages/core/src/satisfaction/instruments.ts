import type { LocalizedText } from '../text/problem.js';
import { DOSSIER_EVALUATION_GRADE_BANDS } from './grade-bands.js';
import type { Instrument, ScaleOption, ScaleQuestion } from './instrument.js';

/** The 3-level rating of DVC systems: 1 Không hài lòng, 2 Hài lòng, 3 Rất hài lòng (shown best first). */
const THREE_LEVELS: readonly ScaleOption[] = [
  { value: 3, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 2, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 1, label: { vi: 'Không hài lòng', en: 'Not satisfied' } },
];

/** Five satisfaction levels, 5 best, shown best first with nothing preselected. */
const FIVE_LEVELS: readonly ScaleOption[] = [
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 3, label: { vi: 'Bình thường', en: 'Neither satisfied nor dissatisfied' } },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
];

const SEVEN_AGREEMENT: readonly ScaleOption[] = [
  { value: 7, label: { vi: 'Hoàn toàn đồng ý', en: 'Strongly agree' } },
  { value: 6, label: { vi: 'Đồng ý', en: 'Agree' } },
  { value: 5, label: { vi: 'Hơi đồng ý', en: 'Somewhat agree' } },
  { value: 4, label: { vi: 'Trung lập', en: 'Neither agree nor disagree' } },
  { value: 3, label: { vi: 'Hơi không đồng ý', en: 'Somewhat disagree' } },
  { value: 2, label: { vi: 'Không đồng ý', en: 'Disagree' } },
  { value: 1, label: { vi: 'Hoàn toàn không đồng ý', en: 'Strongly disagree' } },
];

const ZERO_TO_TEN: readonly ScaleOption[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label:
    value === 0
      ? { vi: '0 – Chắc chắn không', en: '0 – Not at all likely' }
      : value === 10
        ? { vi: '10 – Chắc chắn có', en: '10 – Extremely likely' }
        : { vi: String(value), en: String(value) },
}));

function criterion(
  id: string,
  text: LocalizedText,
  two: LocalizedText,
  one: LocalizedText,
  zero: LocalizedText,
): ScaleQuestion {
  return {
    id,
    type: 'scale',
    text,
    required: true,
    options: [
      { value: 2, label: two },
      { value: 1, label: one },
      { value: 0, label: zero },
    ],
  };
}

/** The nine criteria, as worded in the Circular 01/2018 scoring tool (paraphrased, see the fact sheet §6.1). */
function nineCriteria(onlineLevels: LocalizedText): ScaleQuestion[] {
  return [
    criterion(
      'c1',
      {
        vi: 'Tổng thời gian giải quyết TTHC so với thời gian quy định',
        en: 'Total processing time against the statutory time',
      },
      { vi: '2 điểm: ngắn hơn quy định', en: '2 points: shorter' },
      { vi: '1 điểm: bằng quy định', en: '1 point: equal' },
      { vi: '0 điểm: dài hơn quy định', en: '0 points: longer' },
    ),
    criterion(
      'c2',
      {
        vi: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
        en: 'Time taken by each participating body',
      },
      { vi: '2 điểm: ngắn hơn thời hạn', en: '2 points: shorter than its time limit' },
      { vi: '1 điểm: bằng thời hạn', en: '1 point: equal to its time limit' },
      { vi: '0 điểm: dài hơn thời hạn', en: '0 points: longer than its time limit' },
    ),
    criterion(
      'c3',
      {
        vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ (kể cả trực tuyến)',
        en: 'Times the applicant had to contact the counter to complete the dossier (online included)',
      },
      { vi: '2 điểm: không lần nào', en: '2 points: none' },
      { vi: '1 điểm: một lần', en: '1 point: once' },
      {
        vi: '0 điểm: hơn một lần (trừ lỗi của người nộp)',
        en: "0 points: more than once (unless the applicant's fault)",
      },
    ),
    criterion(
      'c4',
      {
        vi: 'Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
        en: 'Bodies the applicant had to contact to complete the dossier',
      },
      { vi: '2 điểm: không phải liên hệ nơi nào', en: '2 points: none' },
      {
        vi: '1 điểm: chỉ Bộ phận Một cửa (cộng cơ quan kiểm tra thực địa, hội đồng thẩm định nếu luật yêu cầu)',
        en: '1 point: only the one-stop counter (plus bodies for legally required field checks or councils)',
      },
      { vi: '0 điểm: hơn một nơi', en: '0 points: more than one' },
    ),
    criterion(
      'c5',
      {
        vi: 'Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
        en: 'Receiving, deciding and returning at the one-stop counter',
      },
      {
        vi: '2 điểm: cấp xã tiếp nhận, thẩm định, phê duyệt 100% TTHC thuộc danh mục tại Bộ phận Một cửa',
        en: '2 points: the commune receives, appraises and approves 100% of the listed procedures there',
      },
      {
        vi: '1 điểm: 100% TTHC thuộc diện được tiếp nhận và trả kết quả tại Bộ phận Một cửa',
        en: '1 point: 100% of eligible procedures received and returned there',
      },
      { vi: '0 điểm: dưới 100%', en: '0 points: under 100%' },
    ),
    criterion(
      'c6',
      { vi: 'Công khai thủ tục hành chính', en: 'Publicity of the procedure' },
      {
        vi: '2 điểm: công khai chính xác, đầy đủ, kịp thời cả niêm yết và điện tử',
        en: '2 points: posted and online, accurate, complete and timely',
      },
      { vi: '1 điểm: niêm yết hoặc điện tử', en: '1 point: posted or online' },
      { vi: '0 điểm: không công khai chính xác, đầy đủ, kịp thời', en: '0 points: not accurate, complete and timely' },
    ),
    criterion(
      'c7',
      {
        vi: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết',
        en: 'Attitude of the officials who guided, received and decided',
      },
      { vi: '2 điểm: trả sớm hạn, không có phản ánh, kiến nghị', en: '2 points: result early, no complaints' },
      { vi: '1 điểm: đúng hạn, không có phản ánh, kiến nghị', en: '1 point: on time, no complaints' },
      { vi: '0 điểm: có phản ánh, kiến nghị được xác minh', en: '0 points: verified complaints' },
    ),
    criterion(
      'c8',
      {
        vi: 'Tiếp thu, giải trình đối với phản ánh, kiến nghị',
        en: 'Handling of complaints and suggestions',
      },
      { vi: '2 điểm: không có, hoặc 100% xử lý đúng hạn', en: '2 points: none, or 100% handled on time' },
      { vi: '1 điểm: từ 90% xử lý đúng hạn', en: '1 point: at least 90% on time' },
      { vi: '0 điểm: dưới 90% đúng hạn, hoặc kéo dài', en: '0 points: under 90% on time, or prolonged' },
    ),
    criterion(
      'c9',
      {
        vi: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
        en: 'Progress and quality of online public services',
      },
      {
        vi: `2 điểm: từ 20% TTHC trực tuyến (${onlineLevels.vi}), từ 30% hồ sơ trực tuyến, không hồ sơ trực tuyến trễ hạn`,
        en: `2 points: at least 20% of procedures online (${onlineLevels.en}), at least 30% of dossiers online, none late`,
      },
      {
        vi: '1 điểm: 15% đến dưới 30% hồ sơ trực tuyến, không hồ sơ trực tuyến trễ hạn',
        en: '1 point: 15% to under 30% of dossiers online, none late',
      },
      {
        vi: '0 điểm: dưới 15% hồ sơ trực tuyến, hoặc có hồ sơ trực tuyến trễ hạn',
        en: '0 points: under 15% online, or late online dossiers',
      },
    ),
  ];
}

const CRITERIA_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];

const ONE_STOP_RATING: Instrument = {
  id: 'vn-one-stop-rating',
  version: '1',
  kind: 'one-stop-rating',
  validFrom: '2018-06-21',
  title: { vi: 'Đánh giá mức độ hài lòng', en: 'Satisfaction rating' },
  basis: {
    vi: 'Ba mức dùng trên các hệ thống DVC và cổng tỉnh; bắt buộc nêu lý do khi không hài lòng [nguồn thứ cấp]',
    en: 'The three levels used by DVC systems and provincial portals; a reason is required when not satisfied [secondary source]',
  },
  questions: [
    {
      id: 'overall',
      type: 'scale',
      text: { vi: 'Đánh giá tổng thể dịch vụ', en: 'Overall, how was the service?' },
      required: true,
      options: THREE_LEVELS,
    },
    {
      id: 'convenience',
      type: 'scale',
      text: { vi: 'Mức độ thuận tiện khi sử dụng dịch vụ', en: 'How convenient was the service to use?' },
      required: false,
      options: THREE_LEVELS,
    },
    {
      id: 'reason',
      type: 'text',
      text: { vi: 'Lý do không hài lòng', en: 'Why were you not satisfied?' },
      required: false,
      requiredWhen: { question: 'overall', values: [1] },
      maxLength: 1000,
    },
  ],
  scoring: { questions: ['overall'], combine: 'answer', formula: 'top2box' },
};

const DOSSIER_EVALUATION_61: Instrument = {
  id: 'vn-dossier-evaluation',
  version: 'nd61-2018',
  kind: 'dossier-evaluation',
  validFrom: '2019-01-06',
  validTo: '2025-06-30',
  title: {
    vi: 'Đánh giá việc giải quyết TTHC (9 chỉ số, 18 điểm)',
    en: 'Evaluation of procedure handling (9 criteria, 18 points)',
  },
  basis: {
    vi: 'Nghị định 61/2018/NĐ-CP và công cụ chấm điểm của Thông tư 01/2018/TT-VPCP (hiệu lực 6/1/2019); ngưỡng xếp loại chưa xác nhận',
    en: 'Decree 61/2018/NĐ-CP and the scoring tool of Circular 01/2018/TT-VPCP (in force 6/1/2019); grade bands unconfirmed',
  },
  questions: nineCriteria({ vi: 'mức độ 3, 4', en: 'levels 3–4' }),
  scoring: { questions: CRITERIA_IDS, combine: 'points-sum', formula: 'mean' },
  gradeBands: DOSSIER_EVALUATION_GRADE_BANDS,
};

const DOSSIER_EVALUATION_118: Instrument = {
  ...DOSSIER_EVALUATION_61,
  version: 'nd118-2025',
  validFrom: '2025-07-01',
  validTo: undefined,
  basis: {
    vi: 'Nghị định 118/2025/NĐ-CP (hiệu lực 1/7/2025) thay Nghị định 61/2018; 9 chỉ số giữ nguyên chờ đối chiếu Nghị định 118/2025 và Thông tư 03/2025/TT-VPCP [chưa xác nhận]',
    en: 'Decree 118/2025/NĐ-CP (in force 1/7/2025) replaced Decree 61/2018; the nine criteria are carried over until checked against Decree 118/2025 and Circular 03/2025/TT-VPCP [unconfirmed]',
  },
  questions: nineCriteria({ vi: 'toàn trình hoặc một phần', en: 'full or partial online' }),
};

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
 * The instruments the library ships, each a dated version. Copy and change them (checked by
 * `defineInstrument`) and pass your list as `instruments` wherever a library is taken.
 *
 * @example
 * ```ts
 * BUILT_IN_INSTRUMENTS.map((i) => `${i.id}@${i.version}`);
 * // ['vn-one-stop-rating@1', 'vn-dossier-evaluation@nd61-2018', 'vn-dossier-evaluation@nd118-2025', …]
 * ```
 */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [
  ONE_STOP_RATING,
  DOSSIER_EVALUATION_61,
  DOSSIER_EVALUATION_118,
  SIPAS,
  CSAT,
  NPS,
  CES,
];

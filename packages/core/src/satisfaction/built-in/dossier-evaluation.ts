import type { LocalizedText } from '../../text/problem.js';
import { DOSSIER_EVALUATION_GRADE_BANDS } from '../grade-bands.js';
import type { Instrument, ScaleQuestion } from '../instrument.js';

/**
 * A criterion scored 2, 1 or 0 points: what earns each, in Vietnamese and English, labelled `2 điểm: …` /
 * `2 points: …` and so on.
 */
function criterion(id: string, text: LocalizedText, ...earns: [vi: string, en: string][]): ScaleQuestion {
  return {
    id,
    type: 'scale',
    text,
    required: true,
    options: earns.map(([vi, en], i) => {
      const value = 2 - i;
      return { value, label: { vi: `${value} điểm: ${vi}`, en: `${value} point${value === 1 ? '' : 's'}: ${en}` } };
    }),
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
      ['ngắn hơn quy định', 'shorter'],
      ['bằng quy định', 'equal'],
      ['dài hơn quy định', 'longer'],
    ),
    criterion(
      'c2',
      {
        vi: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
        en: 'Time taken by each participating body',
      },
      ['ngắn hơn thời hạn', 'shorter than its time limit'],
      ['bằng thời hạn', 'equal to its time limit'],
      ['dài hơn thời hạn', 'longer than its time limit'],
    ),
    criterion(
      'c3',
      {
        vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ (kể cả trực tuyến)',
        en: 'Times the applicant had to contact the counter to complete the dossier (online included)',
      },
      ['không lần nào', 'none'],
      ['một lần', 'once'],
      ['hơn một lần (trừ lỗi của người nộp)', "more than once (unless the applicant's fault)"],
    ),
    criterion(
      'c4',
      {
        vi: 'Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
        en: 'Bodies the applicant had to contact to complete the dossier',
      },
      ['không phải liên hệ nơi nào', 'none'],
      [
        'chỉ Bộ phận Một cửa (cộng cơ quan kiểm tra thực địa, hội đồng thẩm định nếu luật yêu cầu)',
        'only the one-stop counter (plus bodies for legally required field checks or councils)',
      ],
      ['hơn một nơi', 'more than one'],
    ),
    criterion(
      'c5',
      {
        vi: 'Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
        en: 'Receiving, deciding and returning at the one-stop counter',
      },
      [
        'cấp xã tiếp nhận, thẩm định, phê duyệt 100% TTHC thuộc danh mục tại Bộ phận Một cửa',
        'the commune receives, appraises and approves 100% of the listed procedures there',
      ],
      [
        '100% TTHC thuộc diện được tiếp nhận và trả kết quả tại Bộ phận Một cửa',
        '100% of eligible procedures received and returned there',
      ],
      ['dưới 100%', 'under 100%'],
    ),
    criterion(
      'c6',
      { vi: 'Công khai thủ tục hành chính', en: 'Publicity of the procedure' },
      [
        'công khai chính xác, đầy đủ, kịp thời cả niêm yết và điện tử',
        'posted and online, accurate, complete and timely',
      ],
      ['niêm yết hoặc điện tử', 'posted or online'],
      ['không công khai chính xác, đầy đủ, kịp thời', 'not accurate, complete and timely'],
    ),
    criterion(
      'c7',
      {
        vi: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết',
        en: 'Attitude of the officials who guided, received and decided',
      },
      ['trả sớm hạn, không có phản ánh, kiến nghị', 'result early, no complaints'],
      ['đúng hạn, không có phản ánh, kiến nghị', 'on time, no complaints'],
      ['có phản ánh, kiến nghị được xác minh', 'verified complaints'],
    ),
    criterion(
      'c8',
      {
        vi: 'Tiếp thu, giải trình đối với phản ánh, kiến nghị',
        en: 'Handling of complaints and suggestions',
      },
      ['không có, hoặc 100% xử lý đúng hạn', 'none, or 100% handled on time'],
      ['từ 90% xử lý đúng hạn', 'at least 90% on time'],
      ['dưới 90% đúng hạn, hoặc kéo dài', 'under 90% on time, or prolonged'],
    ),
    criterion(
      'c9',
      {
        vi: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
        en: 'Progress and quality of online public services',
      },
      [
        `từ 20% TTHC trực tuyến (${onlineLevels.vi}), từ 30% hồ sơ trực tuyến, không hồ sơ trực tuyến trễ hạn`,
        `at least 20% of procedures online (${onlineLevels.en}), at least 30% of dossiers online, none late`,
      ],
      [
        '15% đến dưới 30% hồ sơ trực tuyến, không hồ sơ trực tuyến trễ hạn',
        '15% to under 30% of dossiers online, none late',
      ],
      ['dưới 15% hồ sơ trực tuyến, hoặc có hồ sơ trực tuyến trễ hạn', 'under 15% online, or late online dossiers'],
    ),
  ];
}

const CRITERIA_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];

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

/**
 * The versions of the 9-criterion dossier evaluation (kind `dossier-evaluation`), oldest first. Also in
 * `BUILT_IN_INSTRUMENTS`; this module alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * DOSSIER_EVALUATION_INSTRUMENTS.map((i) => i.version); // ['nd61-2018', 'nd118-2025']
 * ```
 */
export const DOSSIER_EVALUATION_INSTRUMENTS: readonly Instrument[] = [DOSSIER_EVALUATION_61, DOSSIER_EVALUATION_118];

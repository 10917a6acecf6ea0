import type { LocalizedText } from '../text/problem.js';
import { DECISION_766_INDICATORS } from './decision-766.js';

/** One line of the full Decision 766 indicator table. */
export interface Decision766TableEntry {
  /** Indicator number, e.g. `2.1`. */
  readonly id: string;
  /** Its group in `DECISION_766_SCORECARD`, `1`–`5`. */
  readonly group: string;
  /** What it measures. */
  readonly title: LocalizedText;
  /** How it is computed, as the VPCP technical description states it (a secondary source). */
  readonly formula: LocalizedText;
  /** The share (0–1) that earns full points, where one is given. */
  readonly target: number | undefined;
  /** Full points where confirmed (1.2: 4, 5.4: 6); `undefined` where the split is unconfirmed. */
  readonly maxPoints: number | undefined;
}

type Line = readonly [id: string, vi: string, en: string, formulaVi: string, formulaEn: string];

// Titles and formulas after the VPCP technical description [S]; 1.2's 4 points and 5.4's 6 points are confirmed
// [C], the other splits are not. No 3.4 is listed in the sources consulted.
const LINES: readonly Line[] = [
  [
    '1.1',
    'Công bố TTHC đúng hạn',
    'Procedures published on time',
    'Số TTHC công bố đúng hạn / tổng số TTHC phải công bố',
    'Procedures published on time / procedures to publish',
  ],
  [
    '1.2',
    'Cập nhật, công khai TTHC đúng hạn trên CSDL quốc gia',
    'Procedures updated and publicised on time in the national database',
    'Số TTHC cập nhật, công khai đúng hạn / tổng số TTHC phải cập nhật',
    'Procedures updated on time / procedures to update',
  ],
  [
    '1.3',
    'Công khai đầy đủ các bộ phận của TTHC',
    'Procedures publicised with all their components',
    'Số TTHC công khai đầy đủ / tổng số TTHC',
    'Procedures publicised in full / all procedures',
  ],
  [
    '1.4',
    'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    'Dossiers synced to the National Public Service Portal',
    'Số hồ sơ được đồng bộ / tổng số hồ sơ',
    'Dossiers synced / all dossiers',
  ],
  [
    '2.1',
    'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
    'Share of dossiers resolved early or on time',
    '(Hồ sơ giải quyết trước hạn + đúng hạn) / hồ sơ đã giải quyết',
    '(Dossiers resolved early + on time) / dossiers resolved',
  ],
  [
    '2.2',
    'Thời gian giải quyết trung bình một TTHC',
    'Average processing time of a procedure',
    'Thời gian xử lý trung bình của các hồ sơ đã giải quyết',
    'Mean processing time of the resolved dossiers',
  ],
  [
    '3.1',
    'Tỷ lệ TTHC cung cấp trực tuyến',
    'Share of procedures offered online',
    'TTHC trực tuyến (toàn trình + một phần) / tổng số TTHC; từ 80 % đạt điểm tối đa',
    'Procedures online (full + partial) / all procedures; 80 % or more earns full points',
  ],
  [
    '3.2',
    'Tỷ lệ dịch vụ trực tuyến có phát sinh hồ sơ',
    'Share of online services with dossiers',
    'Dịch vụ trực tuyến có hồ sơ / tổng số dịch vụ trực tuyến',
    'Online services with dossiers / all online services',
  ],
  [
    '3.3',
    'Tỷ lệ hồ sơ nộp trực tuyến',
    'Share of dossiers filed online',
    'Hồ sơ nộp trực tuyến / hồ sơ đã biết kênh nộp; từ 50 % đạt điểm tối đa',
    'Dossiers filed online / dossiers with a known channel; 50 % or more earns full points',
  ],
  [
    '3.5',
    'Tỷ lệ TTHC có phí thanh toán trực tuyến',
    'Share of fee-bearing procedures payable online',
    'TTHC có phí thanh toán trực tuyến được / TTHC có phí; từ 80 % đạt điểm tối đa',
    'Fee-bearing procedures payable online / fee-bearing procedures; 80 % or more earns full points',
  ],
  [
    '3.6',
    'Tỷ lệ hồ sơ thanh toán trực tuyến',
    'Share of dossiers paid online',
    'Hồ sơ thanh toán trực tuyến / hồ sơ có phí',
    'Dossiers paid online / fee-bearing dossiers',
  ],
  [
    '4.1',
    'Tỷ lệ hồ sơ có kết quả điện tử',
    'Share of dossiers with an electronic result',
    'Hồ sơ có kết quả điện tử / hồ sơ đã giải quyết',
    'Dossiers with an electronic result / dossiers resolved',
  ],
  [
    '4.2',
    'Tỷ lệ hồ sơ được số hóa',
    'Share of dossiers digitised',
    'Hồ sơ được số hóa / tổng số hồ sơ; từ 80 % đạt điểm tối đa',
    'Dossiers digitised / all dossiers; 80 % or more earns full points',
  ],
  [
    '4.3',
    'Tỷ lệ tái sử dụng dữ liệu số hóa',
    'Share reusing digitised data',
    'Hồ sơ tái sử dụng dữ liệu số hóa / tổng số hồ sơ; từ 80 % đạt điểm tối đa',
    'Dossiers reusing digitised data / all dossiers; 80 % or more earns full points',
  ],
  [
    '4.4',
    'Tỷ lệ hồ sơ liên kết kho dữ liệu của công dân',
    'Share of dossiers linked to the citizen’s data store',
    'Hồ sơ liên kết kho dữ liệu / tổng số hồ sơ',
    'Dossiers linked to the data store / all dossiers',
  ],
  [
    '4.5',
    'Khai thác CSDL quốc gia về dân cư, VNeID',
    'Use of the population database and VNeID',
    'Mức độ khai thác, sử dụng CSDL quốc gia về dân cư và VNeID',
    'How far the population database and VNeID are used',
  ],
  [
    '5.1',
    'Phản ánh, kiến nghị theo loại',
    'Complaints by category',
    'Số phản ánh, kiến nghị theo từng loại',
    'Complaints counted by category',
  ],
  [
    '5.2',
    'Tiến độ xử lý phản ánh, kiến nghị',
    'Timeliness of complaint handling',
    'Phản ánh xử lý đúng hạn (từ chối ≤ 2, yêu cầu bổ sung ≤ 5, xử lý ≤ 15, công khai ≤ 2 ngày làm việc) / tổng số',
    'Complaints handled on time (reject ≤ 2, ask more ≤ 5, handle ≤ 15, publish ≤ 2 working days) / all',
  ],
  [
    '5.3',
    'Mức độ hài lòng với việc xử lý phản ánh, kiến nghị',
    'Satisfaction with complaint handling',
    'Phản ánh được đánh giá hài lòng / phản ánh đã xử lý',
    'Complaints whose handling was rated satisfactory / complaints handled',
  ],
  [
    '5.4',
    'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC',
    'Satisfaction with receiving and deciding procedures',
    '100 % − (% hồ sơ trễ hạn + % hồ sơ bị phản ánh hoặc "không hài lòng"); từ 90 % đạt 6 điểm',
    '100 % − (% dossiers late + % with a complaint or "dislike"); 90 % or more earns 6 points',
  ],
];

/** Confirmed full points of indicators that have no full-marks share in `DECISION_766_INDICATORS`. */
const CONFIRMED_POINTS: Readonly<Record<string, number>> = { '1.2': 4 };

/**
 * Every Decision 766/QĐ-TTg indicator, in order, with its group, title, formula, full-marks share (where the
 * VPCP technical description gives one, as in `DECISION_766_INDICATORS`) and confirmed full points (only 1.2 = 4
 * and 5.4 = 6; the other splits are unconfirmed and `undefined`).
 *
 * @example
 * ```ts
 * DECISION_766_TABLE.length; // 20
 * DECISION_766_TABLE.find((i) => i.id === '3.3')?.target; // 0.5
 * DECISION_766_TABLE.filter((i) => i.maxPoints !== undefined).map((i) => i.id); // ['1.2', '5.4']
 * ```
 */
export const DECISION_766_TABLE: readonly Decision766TableEntry[] = /* @__PURE__ */ LINES.map(
  ([id, vi, en, formulaVi, formulaEn]) => {
    const listed = DECISION_766_INDICATORS.find((i) => i.id === id);
    return {
      id,
      group: id.split('.')[0] as string,
      title: listed?.title ?? { vi, en },
      formula: { vi: formulaVi, en: formulaEn },
      target: listed?.target,
      maxPoints: listed?.maxPoints ?? CONFIRMED_POINTS[id],
    };
  },
);

import type { Instrument, ScaleOption } from '../instrument.js';

/** The 3-level rating of DVC systems: 1 Không hài lòng, 2 Hài lòng, 3 Rất hài lòng (shown best first). */
const THREE_LEVELS: readonly ScaleOption[] = [
  { value: 3, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 2, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 1, label: { vi: 'Không hài lòng', en: 'Not satisfied' } },
];

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

/**
 * The versions of the one-stop 3-level rating (kind `one-stop-rating`), oldest first. Also in
 * `BUILT_IN_INSTRUMENTS`; this module alone is what a page showing only this kind needs.
 *
 * @example
 * ```ts
 * pickInstrument(ONE_STOP_RATING_INSTRUMENTS, 'one-stop-rating', '2026-11-22').questions[0].id; // 'overall'
 * ```
 */
export const ONE_STOP_RATING_INSTRUMENTS: readonly Instrument[] = [ONE_STOP_RATING];

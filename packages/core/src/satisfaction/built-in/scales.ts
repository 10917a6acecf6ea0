import type { ScaleOption } from '../instrument.js';

/** Five satisfaction levels, 5 best, shown best first with nothing preselected. */
export const FIVE_LEVELS: readonly ScaleOption[] = [
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 3, label: { vi: 'Bình thường', en: 'Neither satisfied nor dissatisfied' } },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
];

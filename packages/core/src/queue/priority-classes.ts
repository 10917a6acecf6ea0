import type { LocalizedText } from '../text/problem.js';

/**
 * A priority class (đối tượng ưu tiên) tickets can be issued in. Classes are configuration: an office
 * adds, removes or re-weights them; nothing in the library depends on these ids.
 */
export interface PriorityClass {
  /** Stable id used on tickets, e.g. `'nguoi-cao-tuoi'`. */
  readonly id: string;
  /** What the kiosk shows. */
  readonly name: LocalizedText;
  /**
   * How strongly the class is favoured: `0` for the normal queue, higher for priority. Strict priority
   * calls higher weights first; weighted aging ranks tickets by `(weight + 1) × minutes waited`.
   */
  readonly weight: number;
  /** Why the class exists: a legal article, or a note that it is local practice. */
  readonly basis?: LocalizedText;
  /**
   * How firm the basis is: `'law'` when a statute grants the priority, `'practice'` when it is common
   * local practice without a national rule found.
   */
  readonly evidence?: 'law' | 'practice';
}

/** The id of the normal (non-priority) class in {@link DEFAULT_PRIORITY_CLASSES}. */
export const NORMAL_PRIORITY = 'thuong';

/**
 * The default priority classes: normal, and four priority groups.
 * Only older people (người cao tuổi, aged 60 and over) have a statutory basis: Luật Người cao tuổi 2009
 * art. 3(1)(c), "được ưu tiên khi sử dụng các dịch vụ", with the age in art. 2. No national rule was
 * found for priority at one-stop counters for people with disabilities, pregnant women or người có công;
 * they are included as common local practice (provincial centre rules) and marked `evidence: 'practice'`.
 * Replace or extend the list through `createQueue({ priorityClasses })`.
 *
 * @example
 * ```ts
 * DEFAULT_PRIORITY_CLASSES.find((c) => c.evidence === 'law')?.id; // 'nguoi-cao-tuoi'
 * ```
 */
export const DEFAULT_PRIORITY_CLASSES: readonly PriorityClass[] = [
  {
    id: NORMAL_PRIORITY,
    name: { vi: 'Thông thường', en: 'Normal' },
    weight: 0,
  },
  {
    id: 'nguoi-cao-tuoi',
    name: { vi: 'Người cao tuổi', en: 'Older person (60+)' },
    weight: 1,
    evidence: 'law',
    basis: {
      vi: 'Luật Người cao tuổi 2009, điểm c khoản 1 Điều 3 (được ưu tiên khi sử dụng các dịch vụ); tuổi theo Điều 2',
      en: 'Law on the Elderly 2009, art. 3(1)(c) (priority when using services); age per art. 2',
    },
  },
  {
    id: 'nguoi-khuyet-tat',
    name: { vi: 'Người khuyết tật', en: 'Person with a disability' },
    weight: 1,
    evidence: 'practice',
    basis: {
      vi: 'Thực tiễn phổ biến tại địa phương; chưa tìm thấy quy định quốc gia về ưu tiên tại bộ phận một cửa',
      en: 'Common local practice; no national rule on one-stop counter priority was found',
    },
  },
  {
    id: 'phu-nu-mang-thai',
    name: { vi: 'Phụ nữ mang thai', en: 'Pregnant woman' },
    weight: 1,
    evidence: 'practice',
    basis: {
      vi: 'Thực tiễn phổ biến tại địa phương; chưa tìm thấy quy định quốc gia về ưu tiên tại bộ phận một cửa',
      en: 'Common local practice; no national rule on one-stop counter priority was found',
    },
  },
  {
    id: 'nguoi-co-cong',
    name: { vi: 'Người có công với cách mạng', en: 'Person with meritorious service' },
    weight: 1,
    evidence: 'practice',
    basis: {
      vi: 'Thực tiễn phổ biến tại địa phương; chưa tìm thấy quy định quốc gia về ưu tiên tại bộ phận một cửa',
      en: 'Common local practice; no national rule on one-stop counter priority was found',
    },
  },
];

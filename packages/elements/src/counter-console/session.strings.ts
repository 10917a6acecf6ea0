import type { StringTable } from '../internal/i18n.js';

const sessionVi = {
  chooseCounter: 'Quầy làm việc',
  counterOption: '{label}',
  changeCounter: 'Đổi quầy',
  countersFailed: 'Không tải được danh sách quầy. Vui lòng thử lại.',
};

/**
 * The keys of the strings of the officer's sign-in and counter choice (loaded with them: `session.ts`).
 *
 * @useDeclaredType
 */
export type SessionStringKey = keyof typeof sessionVi;

/** The sign-in's and counter choice's strings in Vietnamese and English. */
export const sessionStrings: StringTable<SessionStringKey> = {
  vi: sessionVi,
  en: {
    chooseCounter: 'Your counter',
    counterOption: '{label}',
    changeCounter: 'Change counter',
    countersFailed: 'The list of counters could not be loaded. Please try again.',
  },
};

// The event the queue settings send when they save: the office administration's `motcua-settings-saved`, with its
// detail (the version saved and what it changed: `queue`).
export type { SettingsSavedDetail } from '../office-admin/office-admin.events.js';

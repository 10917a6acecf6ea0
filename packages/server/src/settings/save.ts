import type { AuditActor, OfficeSettings, OfficeSettingsVersion, SettingsAuthor } from '@motcua/core/staff';
import type { Context } from 'hono';
import { ADMINS } from '../access.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { recordAudit } from '../staff/audit-store.js';
import { requireRole } from '../staff/caller.js';
import type { SettingsDeps } from './deps.js';
import { insertSettingsVersion, StaleVersionError } from './store.js';

/**
 * The signed-in admin making a change, as the version and the audit trail name them; 401/403 for anyone else.
 *
 * @example
 * ```ts
 * const by = adminAuthor(c); // { kind: 'user', id: '…', name: 'Quản trị viên' }
 * ```
 */
export function adminAuthor(c: Context): SettingsAuthor & AuditActor {
  const session = requireRole(c, ADMINS);
  return { kind: 'user', id: session.user.id, name: session.user.displayName };
}

/**
 * The 409 of a save from a version that is no longer the newest: another admin saved in between.
 *
 * @example
 * ```ts
 * throw staleVersion(7);
 * ```
 */
export function staleVersion(current: number): ApiError {
  return new ApiError(409, 'stale-version', {
    vi: `Đã có người lưu thay đổi khác (phiên bản ${current}) sau khi bạn mở trang này; hãy tải lại rồi làm lại thay đổi của mình`,
    en: `Someone saved another change (version ${current}) after you opened this page; reload it and make your change again`,
  });
}

/**
 * Runs `write` in a transaction with its audit line; a stale version answers 409 and nothing is saved.
 *
 * @example
 * ```ts
 * const saved = await withAudit(c, deps, (tx) => insert(tx), (v) => ({ action: 'settings.calendar', object: `settings:${v.version}` }));
 * ```
 */
export async function withAudit<T>(
  c: Context,
  deps: SettingsDeps,
  write: (tx: Queryable) => Promise<T>,
  audit: (written: T) => { action: string; object: string; detail?: Record<string, unknown> },
): Promise<T> {
  const actor = adminAuthor(c);
  try {
    return await deps.db.transaction(async (tx) => {
      const written = await write(tx);
      await recordAudit(tx, {
        office: deps.office.id,
        at: deps.now(),
        actor,
        address: deps.clientOf(c),
        ...audit(written),
      });
      return written;
    });
  } catch (error) {
    if (error instanceof StaleVersionError) throw staleVersion(error.current);
    throw error;
  }
}

/**
 * Saves settings as a new version after `expectedVersion`, with its audit line, and puts it in force on this
 * instance at once (NOTIFY tells the others).
 *
 * @example
 * ```ts
 * const saved = await saveSettings(c, deps, 3, settings, 'calendar');
 * ```
 */
export async function saveSettings(
  c: Context,
  deps: SettingsDeps,
  expectedVersion: number,
  settings: OfficeSettings,
  change: OfficeSettingsVersion['change'],
  rollbackOf?: number,
): Promise<OfficeSettingsVersion> {
  const by = adminAuthor(c);
  const saved = await withAudit(
    c,
    deps,
    (tx) =>
      insertSettingsVersion(tx, deps.office.id, expectedVersion, {
        settings,
        change,
        ...(rollbackOf === undefined ? {} : { rollbackOf }),
        at: deps.now(),
        by,
      }),
    (v) => ({
      action: `settings.${change}`,
      object: `settings:${v.version}`,
      ...(rollbackOf === undefined ? {} : { detail: { rollbackOf } }),
    }),
  );
  deps.live.apply(saved);
  return saved;
}

import type { Hono } from 'hono';
import { catalogueHistory, checkCatalogue, publishCatalogue, rollbackCatalogue } from './catalogue-handlers.js';
import type { SettingsDeps } from './deps.js';
import {
  changeSection,
  currentSettings,
  previewCalendar,
  rollbackSettings,
  settingsAt,
  settingsHistory,
} from './settings-handlers.js';

/**
 * Mounts the office administration (admins only, see `access.ts`): the settings in force and their versions, a
 * change per section (`no-appointment`, `calendar`, `queue`, `rating`, `scorecard`), the calendar preview, rollback; the
 * catalogue's check, publication, versions and rollback.
 *
 * @example
 * ```ts
 * installSettingsRoutes(app, { ...staffDeps, live, fileCatalogue });
 * ```
 */
export function installSettingsRoutes(app: Hono, deps: SettingsDeps): void {
  app.get('/api/admin/settings', (c) => currentSettings(c, deps));
  app.get('/api/admin/settings/versions', (c) => settingsHistory(c, deps));
  app.get('/api/admin/settings/versions/:version', (c) => settingsAt(c, deps));
  app.put('/api/admin/settings/no-appointment', (c) => changeSection(c, deps, 'no-appointment'));
  app.put('/api/admin/settings/calendar', (c) => changeSection(c, deps, 'calendar'));
  app.put('/api/admin/settings/queue', (c) => changeSection(c, deps, 'queue'));
  app.put('/api/admin/settings/rating', (c) => changeSection(c, deps, 'rating'));
  app.put('/api/admin/settings/scorecard', (c) => changeSection(c, deps, 'scorecard'));
  app.post('/api/admin/settings/calendar/preview', (c) => previewCalendar(c, deps));
  app.post('/api/admin/settings/rollback', (c) => rollbackSettings(c, deps));
  app.post('/api/admin/catalogue/check', (c) => checkCatalogue(c, deps));
  app.post('/api/admin/catalogue/publish', (c) => publishCatalogue(c, deps));
  app.post('/api/admin/catalogue/rollback', (c) => rollbackCatalogue(c, deps));
  app.get('/api/admin/catalogue/versions', (c) => catalogueHistory(c, deps));
}

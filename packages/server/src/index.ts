/**
 * `@motcua/server`: the reference HTTP service behind the motcua widgets, on embedded PGlite or PostgreSQL.
 *
 * @packageDocumentation
 */
export { type AppDeps, createApp } from './app.js';
export {
  type LoadedCalendarOverlay,
  loadConfig,
  type ServedOffice,
  type ServerConfig,
  type StaticMount,
} from './config.js';
export type { Database, Queryable, TransactionOptions } from './db/database.js';
export type { DurableNodeFSOptions, FileEvent } from './db/durable-fs-options.js';
export { MIGRATIONS, type Migration, migrate } from './db/migrations.js';
export {
  DataDirectoryLockedError,
  DataDirectoryModeError,
  type OpenPgliteOptions,
  openPglite,
  type PgliteDatabase,
} from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { DEMO_DOSSIER } from './dossiers/demo.js';
export { DEFAULT_LOOKUP_LIMITS, type DossierLookupLimits } from './dossiers/lookup-limits.js';
export {
  type OfficeOnTimeFigures,
  type OnTimeFigures,
  type OnTimeMonthFigures,
  type OnTimeProcedureFigures,
  type OnTimeReport,
  type OnTimeReportQuery,
  onTimeCsv,
  onTimeReport,
  type ProvinceOnTimeReport,
  type ProvinceReportOffice,
  provinceOnTimeCsv,
  provinceOnTimeReport,
} from './dossiers/on-time-report.js';
export type { DossierStep } from './dossiers/store.js';
export { clientAddress, isProxyEntry } from './http/client-address.js';
export {
  type CredentialThrottleLimits,
  DEFAULT_CREDENTIAL_THROTTLE,
  throttleFailedCredentials,
} from './http/credential-throttle.js';
export { ApiError, type ApiErrorBody } from './http/errors.js';
export { createNotificationHub, type NotificationHub } from './http/events.js';
export { DEFAULT_IDEMPOTENCY_RETENTION_HOURS, purgeIdempotencyKeys } from './http/idempotency.js';
export { createRateLimiter, hashKey, type RateLimiter, type RateLimitVerdict, rateLimit } from './http/rate-limit.js';
export { channelDelivery, type Deliver } from './notifications/deliver.js';
export type {
  ClaimedNotification,
  DossierOutboxMessage,
  OutboxEntry,
  OutboxMessage,
  TicketOutboxMessage,
} from './notifications/outbox-store.js';
export {
  type NotificationSender,
  retryDelayMs,
  type SenderOptions,
  startNotificationSender,
} from './notifications/sender.js';
export {
  DEFAULT_CONTACT_RETENTION_DAYS,
  DEFAULT_RETRY,
  type EmailChannel,
  type GatewayChannel,
  NO_NOTIFICATIONS,
  type NotificationChannel,
  type NotificationSettings,
  type RetryPolicy,
  readSecret,
  type SecretSource,
  type WebhookChannel,
  type WebPushChannel,
} from './notifications/settings.js';
export {
  signWebhook,
  verifyWebhook,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
} from './notifications/webhook-signature.js';
export {
  type BoardAccess,
  DEFAULT_RATE_LIMITS,
  DEMO_OFFICE,
  demoOffice,
  GENERIC_PRIORITY,
  type Office,
  type OfficeConfigInput,
  type OfficeKiosk,
  type OfficeRateLimits,
  parseOffice,
  type RateLimitRule,
} from './office/office.js';
export {
  exportOffice,
  importOffice,
  OFFICE_TABLES,
  type OfficeData,
  OfficeNotEmptyError,
} from './office/office-data.js';
export { MIN_STATIC_TOKEN_LENGTH } from './office/static-tokens.js';
export {
  createPgQueueStore,
  type PgQueueStore,
  QUEUE_CHANNEL,
  type QueueNotification,
} from './queue/pg-queue-store.js';
export {
  createQueueService,
  type QueueRouteOptions,
  type QueueRoutesDeps,
  type QueueService,
} from './queue/service.js';
export { DEFAULT_RATING_INSTRUMENT, HONEYPOT_FIELD } from './ratings/inputs.js';
export { type SatisfactionInputs, type SatisfactionInputsQuery, satisfactionInputs } from './ratings/report.js';
export { reportCsv } from './ratings/satisfaction-report.js';
export { openDatabase, type RunningServer, type StartOptions, startServer } from './server.js';
export {
  bootstrapSettings,
  createLiveSettings,
  DEFAULT_RATING_SETTING,
  type LiveSettings,
  type LiveSettingsDeps,
  liveOffice,
  type OfficeState,
  officeStateOf,
  type SettingsSource,
  settingsSourceLines,
} from './settings/live-settings.js';
export { SETTINGS_CHANNEL, type SettingsNotification, type StoredCatalogue } from './settings/store.js';
export { type AuditQuery, type AuditRecord, listAudit, purgeAudit, recordAudit } from './staff/audit-store.js';
export { DEMO_USERS, type DemoUser } from './staff/demo-users.js';
export { hashPassword, SCRYPT_PARAMETERS, type ScryptParameters, verifyPassword } from './staff/passwords.js';
export { DEFAULT_STAFF_SETTINGS, type StaffSettings } from './staff/settings.js';

import { readFileSync } from 'node:fs';
import * as z from 'zod';

/**
 * A webhook: every status change of the office's dossiers is POSTed there as JSON (`DossierNotification`), signed
 * with HMAC-SHA-256 over `timestamp.body` with `secret` (see `signWebhook`).
 */
export interface WebhookChannel {
  readonly id: string;
  readonly kind: 'webhook';
  readonly url: string;
  /** The signing key (at least 32 characters; in the file as a {@link SecretSource}); never logged, never answered. */
  readonly secret: string;
}

/** Email over SMTP to the citizens who gave an email address for notifications. */
export interface EmailChannel {
  readonly id: string;
  readonly kind: 'email';
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  /** In the file as a {@link SecretSource}; never logged, never answered. */
  readonly password?: string;
  /** The sender, e.g. `"UBND xã An Bình" <mot-cua@xa-an-binh.gov.vn>`. */
  readonly from: string;
}

/**
 * An SMS or Zalo ZNS gateway, called through an HTTP template for the citizens who gave a phone number: `url`,
 * `headers` and `body` hold placeholders (`{{phone}}`, `{{text}}`, `{{code}}`, `{{status}}`, `{{reference}}`, …)
 * filled in escaped for where they stand (the URL, a JSON string, a form field, plain text).
 */
export interface GatewayChannel {
  readonly id: string;
  readonly kind: 'gateway';
  readonly url: string;
  readonly method: 'POST' | 'PUT' | 'GET';
  /** Sent as written (a gateway's token goes here; each value a {@link SecretSource}); never logged, never answered. */
  readonly headers: Readonly<Record<string, string>>;
  /** How placeholders in `body` are escaped, and the `Content-Type` sent. */
  readonly format: 'json' | 'form' | 'text';
  readonly body?: string;
}

/**
 * Web Push (VAPID) to the browsers of citizens who opted in from the dossier status page. Make the keys once with
 * `npx web-push generate-vapid-keys`.
 */
export interface WebPushChannel {
  readonly id: string;
  readonly kind: 'web-push';
  /** The VAPID public key (base64url, 65 bytes), handed to browsers. */
  readonly publicKey: string;
  /** The VAPID private key (base64url, 32 bytes; a {@link SecretSource}); never logged, never answered. */
  readonly privateKey: string;
  /** Who push services contact about this sender: `mailto:` or an `https:` address. */
  readonly subject: string;
}

/** One configured channel. */
export type NotificationChannel = WebhookChannel | EmailChannel | GatewayChannel | WebPushChannel;

/** Retries of a failed delivery: exponential back-off with jitter, then the dead-letter list. */
export interface RetryPolicy {
  /** Deliveries tried before a notification goes to the dead-letter list (default 8). */
  readonly attempts: number;
  /** The delay before the first retry, in seconds (default 30); doubled each time. */
  readonly firstDelaySeconds: number;
  /** The longest delay between two tries, in seconds (default 3600). */
  readonly maxDelaySeconds: number;
}

/** An office's notification settings, validated. */
export interface NotificationSettings {
  readonly channels: readonly NotificationChannel[];
  /** The citizen's status page, with `{code}` in it, put in every message. */
  readonly statusUrl?: string;
  /**
   * The server's public address as citizens reach it (`https://motcua.xa-an-binh.gov.vn`): with the server's secret,
   * each email (and a gateway template with `{{unsubscribeUrl}}`) carries a link there to stop the notices.
   */
  readonly publicUrl?: string;
  /**
   * Allow destinations on private, loopback and link-local addresses (a gateway on the commune's LAN). Off by
   * default: a configured name that resolves to such an address is refused (server-side request forgery).
   */
  readonly allowPrivateAddresses: boolean;
  readonly retry: RetryPolicy;
  /** Seconds one delivery may take (default 10). */
  readonly timeoutSeconds: number;
  /**
   * Days the citizen's contact for notifications (email, phone, Web Push subscriptions) is kept after the dossier
   * is finished, then purged (default {@link DEFAULT_CONTACT_RETENTION_DAYS}) [U: no rule sets it].
   */
  readonly contactRetentionDays: number;
}

/**
 * The default days a finished dossier keeps the citizen's notification contact: 30, time for a late correction or
 * a complaint about the result to be told too. No rule sets it [U]; set `contactRetentionDays`.
 *
 * @example
 * ```ts
 * DEFAULT_CONTACT_RETENTION_DAYS; // 30
 * ```
 */
export const DEFAULT_CONTACT_RETENTION_DAYS = 30;

/**
 * The default retry policy: 8 tries over about two hours.
 *
 * @example
 * ```ts
 * DEFAULT_RETRY.attempts; // 8
 * ```
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, firstDelaySeconds: 30, maxDelaySeconds: 3_600 };

/**
 * No channel: notifications are not written (an office without `notifications`).
 *
 * @example
 * ```ts
 * demoOffice().notifications === NO_NOTIFICATIONS; // true
 * ```
 */
export const NO_NOTIFICATIONS: NotificationSettings = {
  channels: [],
  allowPrivateAddresses: false,
  retry: DEFAULT_RETRY,
  timeoutSeconds: 10,
  contactRetentionDays: DEFAULT_CONTACT_RETENTION_DAYS,
};

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).max(2_000);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes')
  .max(63);
const headerValue = z
  .string()
  .max(4_000)
  .refine((v) => !/[\r\n\0]/.test(v), 'no line breaks');

/**
 * Where a channel secret comes from: written in the file, or read at start from an environment variable
 * (`{ "env": "MOTCUA_SMTP_PASSWORD" }`) or a file (`{ "file": "/run/credentials/motcua.service/smtp" }`: systemd's
 * `LoadCredential=`, a Docker or Kubernetes secret; one trailing line break dropped), so that the configuration file
 * need not hold it.
 */
export type SecretSource = string | { readonly env: string } | { readonly file: string };

/**
 * The value of a {@link SecretSource}, or why it has none (in English, as zod's messages are; the office's problem
 * wraps it in both languages).
 *
 * @example
 * ```ts
 * readSecret({ env: 'MOTCUA_WEBHOOK_SECRET' }, { MOTCUA_WEBHOOK_SECRET: 'x'.repeat(32) }); // { value: 'xxx…' }
 * readSecret({ env: 'UNSET' }, {}); // { missing: 'the environment variable UNSET is not set' }
 * ```
 */
export function readSecret(
  source: SecretSource,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { value: string } | { missing: string } {
  if (typeof source === 'string') return { value: source };
  if ('env' in source) {
    const value = env[source.env];
    return value ? { value } : { missing: `the environment variable ${source.env} is not set` };
  }
  try {
    const value = readFileSync(source.file, 'utf8').replace(/\r?\n$/, '');
    return value ? { value } : { missing: `the file ${source.file} is empty` };
  } catch (error) {
    return { missing: `the file ${source.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** A channel secret as the file gives it ({@link SecretSource}), read, then checked by `check`. */
const secret = <T extends z.ZodType<string, string>>(check: T) =>
  z
    .union([
      z.string(),
      z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }).strict(),
      z.object({ file: z.string().min(1).max(4_096) }).strict(),
    ])
    .transform((source, ctx) => {
      const read = readSecret(source);
      if ('value' in read) return read.value;
      ctx.addIssue({ code: 'custom', message: read.missing });
      return z.NEVER;
    })
    .pipe(check);

/** Placeholders a gateway template may use. */
export const TEMPLATE_PLACEHOLDERS = [
  'phone',
  'text',
  'code',
  'status',
  'statusText',
  'agency',
  'reference',
  'statusUrl',
  'unsubscribeUrl',
] as const;

const placeholdersKnown = (template: string) =>
  [...template.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].every((m) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(m[1] as string),
  );
const knownPlaceholders = `only the placeholders ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`;

const webhook = z
  .object({
    id,
    kind: z.literal('webhook'),
    url: httpUrl,
    secret: secret(z.string().min(32, 'at least 32 characters')),
  })
  .strict();
const email = z
  .object({
    id,
    kind: z.literal('email'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    secure: z.boolean().default(false),
    user: z.string().min(1).max(200).optional(),
    password: secret(z.string().min(1).max(500)).optional(),
    from: z.string().min(3).max(300),
  })
  .strict();
const gateway = z
  .object({
    id,
    kind: z.literal('gateway'),
    url: httpUrl.refine(placeholdersKnown, knownPlaceholders),
    method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'a header name'), secret(headerValue)).default({}),
    format: z.enum(['json', 'form', 'text']).default('json'),
    body: z.string().max(10_000).refine(placeholdersKnown, knownPlaceholders).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.format !== 'json' || g.body === undefined) return;
    // The template must be JSON once its placeholders (each inside a string) are filled in.
    try {
      JSON.parse(g.body.replace(/\{\{\s*[A-Za-z]+\s*\}\}/g, 'x'));
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `not JSON once filled in (${(error as Error).message}); put each placeholder inside a string`,
      });
    }
  });

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding')
    .refine((k) => Buffer.from(k, 'base64url').length === bytes, `${bytes} bytes once decoded`);
const webPush = z
  .object({
    id,
    kind: z.literal('web-push'),
    publicKey: base64url(65),
    privateKey: secret(base64url(32)),
    subject: z
      .string()
      .max(300)
      .regex(/^(mailto:.+@.+|https:\/\/.+)$/, 'a mailto: or https: address'),
  })
  .strict();

/** The zod schema of an office's `notifications` (problems carry their path; messages in the office's wording). */
export const notificationSettingsSchema = z
  .object({
    channels: z.array(z.discriminatedUnion('kind', [webhook, email, gateway, webPush])).max(20),
    statusUrl: httpUrl.refine((u) => u.includes('{code}'), 'an address with {code} in it').optional(),
    publicUrl: httpUrl
      .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), 'an origin such as https://motcua.xa.gov.vn')
      .optional(),
    allowPrivateAddresses: z.boolean().default(false),
    retry: z
      .object({
        attempts: z.number().int().min(1).max(50).default(DEFAULT_RETRY.attempts),
        firstDelaySeconds: z.number().min(0.01).max(86_400).default(DEFAULT_RETRY.firstDelaySeconds),
        maxDelaySeconds: z
          .number()
          .min(0.01)
          .max(7 * 86_400)
          .default(DEFAULT_RETRY.maxDelaySeconds),
      })
      .strict()
      .default(DEFAULT_RETRY),
    timeoutSeconds: z.number().min(1).max(120).default(10),
    contactRetentionDays: z.number().int().min(0).max(3_650).default(DEFAULT_CONTACT_RETENTION_DAYS),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.channels.forEach((c, i) => {
      if (c.kind === 'web-push' && s.channels.findIndex((o) => o.kind === 'web-push') !== i) {
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'kind'], message: 'one web-push channel at most' });
      }
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: 'ids must be unique' });
      seen.add(c.id);
    });
  });

/**
 * The secrets of the settings (HMAC keys, SMTP passwords, gateway header values): what the sender cuts out of
 * any error message it logs or stores.
 *
 * @example
 * ```ts
 * channelSecrets(office.notifications); // ['…webhook secret…', '…smtp password…']
 * ```
 */
export function channelSecrets(settings: NotificationSettings): string[] {
  return settings.channels
    .flatMap((c) =>
      c.kind === 'webhook'
        ? [c.secret]
        : c.kind === 'email'
          ? [c.password ?? '']
          : c.kind === 'web-push'
            ? [c.privateKey]
            : Object.values(c.headers),
    )
    .filter((s) => s.length >= 4);
}

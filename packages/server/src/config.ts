import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type CalendarOverlay, parseCalendarOverlay } from '@motcua/core/calendar';
import { MotcuaError, type Problem, type ProblemPath, problem } from '@motcua/core/text';
import * as z from 'zod';
import { isProxyEntry } from './http/client-address.js';
import { DEFAULT_IDEMPOTENCY_RETENTION_HOURS } from './http/idempotency.js';
import { demoOffice, type Office, parseOffice } from './office/office.js';
import { staticTokenProblems } from './office/static-tokens.js';
import type { StaffSettings } from './staff/settings.js';

/** A folder served as static files under a URL prefix (the demo site, the CDN build, the docs). */
export interface StaticMount {
  readonly prefix: string;
  readonly dir: string;
  /**
   * Let pages on any origin load these files (`Access-Control-Allow-Origin: *`): for public files such as the CDN
   * build, whose module scripts a commune's CMS page on another origin loads. Without it, only the origins in
   * `allowedOrigins` may.
   */
  readonly anyOrigin?: boolean;
}

/** Everything the service needs to start. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** A `postgres://` URL; without it the embedded PGlite database under `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /**
   * The most connections this instance keeps to PostgreSQL (default 10), the one that listens for every office's
   * events among them: instances × `databasePool` must stay below the server's `max_connections`.
   */
  readonly databasePool?: number;
  /** Where PGlite keeps its data and the service its generated secret. */
  readonly dataDir: string;
  /** Signs rating tokens and similar (at least 32 bytes); generated and kept in `dataDir` when not given. */
  readonly secret: string;
  /** HTTPS for kiosks, counters and boards on a LAN (browsers keep some APIs to secure contexts). */
  readonly tls: { readonly cert: string; readonly key: string } | undefined;
  /** Origins allowed to call the API from a browser (the commune's CMS host); `*` for any. */
  readonly allowedOrigins: readonly string[];
  /** The commune's procedure catalogue (JSON), served at `/api/catalogue`. */
  readonly catalogue: string | undefined;
  /** Static folders to serve. */
  readonly static: readonly StaticMount[];
  /** The office: queue services, counters with their tokens, kiosks, rate limits; the demo office by default. */
  readonly office: Office;
  /**
   * The commune's reverse proxies in front of the service (IP addresses, CIDR ranges, `loopback`): only requests
   * from them have their `X-Forwarded-For` read for per-client rate limits. Empty (off) by default.
   */
  readonly trustProxy?: readonly string[];
  /**
   * Hours an `Idempotency-Key`'s stored answer is kept for retries (default 24): older ones are purged at start and
   * every hour, since a receipt's answer holds its lookup PIN and the applicant's details.
   */
  readonly idempotencyRetentionHours?: number;
  /**
   * Working-day calendar overlays (a new Tết decision, a province's or commune's own days), applied in order on top of
   * the built-in calendar to due dates and the queue's issuing hours; each checked by core's `parseCalendarOverlay`.
   */
  readonly calendarOverlays?: readonly LoadedCalendarOverlay[];
  /**
   * Staff sessions and the audit trail: `sessionIdleMinutes` (default 150), `sessionHours` (default 12),
   * `auditRetentionDays` (default 365; older audit lines are purged at start and daily).
   */
  readonly staff?: Partial<Pick<StaffSettings, 'sessionIdleMinutes' | 'sessionHours' | 'auditRetentionDays'>>;
  /**
   * A province deployment: the offices this instance serves, each reached at `/o/<office id>/api/…` and at its host
   * names (`xa-a.vinhlong.gov.vn/api/…`). Requires PostgreSQL; `office` is then not used. Empty: one office.
   */
  readonly offices?: readonly ServedOffice[];
}

/** One office of a province deployment, as {@link ServerConfig.offices} holds it. */
export interface ServedOffice {
  readonly office: Office;
  /** Its procedure catalogue; the configuration's `catalogue` when it has none of its own. */
  readonly catalogue: string | undefined;
  /** Host names (lower case, no port) whose requests are this office's. */
  readonly hosts: readonly string[];
}

/**
 * A calendar overlay read from the configuration, with where it came from (a file path, or `inline`).
 *
 * @example
 * ```ts
 * loadConfig({ MOTCUA_CONFIG: 'motcua.config.json' }).calendarOverlays?.[0]?.source; // '/etc/motcua/lich-2027.json'
 * ```
 */
export interface LoadedCalendarOverlay {
  readonly source: string;
  readonly overlay: CalendarOverlay;
}

/**
 * What a host name an office answers on is (any case, no port): letters, digits, `.` and `-`, starting and ending
 * with a letter or a digit, at most 253 characters.
 *
 * @example
 * ```ts
 * HOST_NAME_PATTERN.test('motcua.xa-an-binh.vinhlong.gov.vn'); // true
 * ```
 */
export const HOST_NAME_PATTERN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/i;

/** The shortest key rating tokens can be signed with (core's `createRatingToken` refuses shorter ones). */
const MIN_SECRET_BYTES = 32;

const fileSchema = z
  .object({
    port: z.number().int().min(1).max(65_535).optional(),
    host: z.string().min(1).optional(),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//)
      .optional(),
    databasePool: z.number().int().min(2).max(1_000).optional(),
    dataDir: z.string().min(1).optional(),
    secret: z
      .string()
      .refine((secret) => Buffer.byteLength(secret, 'utf8') >= MIN_SECRET_BYTES, 'too-short')
      .optional(),
    tls: z
      .object({ cert: z.string().min(1), key: z.string().min(1) })
      .strict()
      .optional(),
    allowedOrigins: z.array(z.string().min(1)).optional(),
    catalogue: z.string().min(1).optional(),
    static: z
      .array(
        z
          .object({ prefix: z.string().startsWith('/'), dir: z.string().min(1), anyOrigin: z.boolean().optional() })
          .strict(),
      )
      .optional(),
    /** The office inline, or the path of a JSON file holding it (checked by `parseOffice`). */
    office: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    /** A province deployment's offices: each inline or a file, with its catalogue and host names. */
    offices: z
      .array(
        z
          .object({
            office: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
            catalogue: z.string().min(1).optional(),
            hosts: z.array(z.string().regex(HOST_NAME_PATTERN, 'a host name like xa-a.vinhlong.gov.vn')).optional(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
    trustProxy: z.array(z.string().refine(isProxyEntry, 'an IP address, a CIDR range or loopback')).optional(),
    idempotencyRetentionHours: z.number().min(1).max(8_760).optional(),
    /** Calendar overlays: each the path of a JSON file or the overlay inline (checked by `parseCalendarOverlay`). */
    calendarOverlays: z.array(z.union([z.string().min(1), z.record(z.string(), z.unknown())])).optional(),
    staff: z
      .object({
        sessionIdleMinutes: z.number().int().min(5).max(1_440).optional(),
        sessionHours: z.number().int().min(1).max(72).optional(),
        auditRetentionDays: z.number().int().min(30).max(3_650).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type FileConfig = z.infer<typeof fileSchema>;

function shortSecret(path: (string | number)[], where: string): Problem {
  return problem(path, 'secret-too-short', {
    vi: `Khóa bí mật (${where}) phải dài ít nhất ${MIN_SECRET_BYTES} byte để ký mã đánh giá; tạo khóa bằng \`openssl rand -base64 32\``,
    en: `The secret (${where}) must be at least ${MIN_SECRET_BYTES} bytes long to sign rating tokens; make one with \`openssl rand -base64 32\``,
  });
}

function configProblems(error: z.ZodError, source: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path as (string | number)[];
    if (path[0] === 'secret' && issue.code === 'custom') {
      return shortSecret(path, source === 'environment' ? 'MOTCUA_SECRET' : `"secret" in ${source}`);
    }
    return problem(path, `invalid-config`, {
      vi: `Cấu hình không hợp lệ trong ${source}: ${issue.message}`,
      en: `Invalid configuration in ${source}: ${issue.message}`,
    });
  });
}

function fromEnv(env: NodeJS.ProcessEnv): FileConfig {
  const pick: Record<string, unknown> = {};
  if (env.PORT) pick.port = Number(env.PORT);
  if (env.HOST) pick.host = env.HOST;
  if (env.DATABASE_URL) pick.databaseUrl = env.DATABASE_URL;
  if (env.MOTCUA_DATABASE_POOL) pick.databasePool = Number(env.MOTCUA_DATABASE_POOL);
  if (env.MOTCUA_DATA_DIR) pick.dataDir = env.MOTCUA_DATA_DIR;
  if (env.MOTCUA_SECRET) pick.secret = env.MOTCUA_SECRET;
  if (env.MOTCUA_TLS_CERT || env.MOTCUA_TLS_KEY) pick.tls = { cert: env.MOTCUA_TLS_CERT, key: env.MOTCUA_TLS_KEY };
  if (env.MOTCUA_ALLOWED_ORIGINS) pick.allowedOrigins = env.MOTCUA_ALLOWED_ORIGINS.split(',').map((o) => o.trim());
  if (env.MOTCUA_CATALOGUE) pick.catalogue = env.MOTCUA_CATALOGUE;
  if (env.MOTCUA_OFFICE) pick.office = env.MOTCUA_OFFICE;
  if (env.MOTCUA_TRUST_PROXY !== undefined) {
    pick.trustProxy = env.MOTCUA_TRUST_PROXY.split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  }
  if (env.MOTCUA_IDEMPOTENCY_RETENTION_HOURS) {
    pick.idempotencyRetentionHours = Number(env.MOTCUA_IDEMPOTENCY_RETENTION_HOURS);
  }
  const staff: Record<string, number> = {};
  for (const [name, key] of [
    ['MOTCUA_SESSION_IDLE_MINUTES', 'sessionIdleMinutes'],
    ['MOTCUA_SESSION_HOURS', 'sessionHours'],
    ['MOTCUA_AUDIT_RETENTION_DAYS', 'auditRetentionDays'],
  ] as const) {
    if (env[name]) staff[key] = Number(env[name]);
  }
  if (Object.keys(staff).length > 0) pick.staff = staff;
  const parsed = fileSchema.safeParse(pick);
  if (!parsed.success) throw new MotcuaError(configProblems(parsed.error, 'environment'));
  return parsed.data;
}

function fromFile(path: string): FileConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MotcuaError([
      problem([], 'unreadable-config', {
        vi: `Không đọc được tệp cấu hình ${path}: ${(error as Error).message}`,
        en: `Cannot read the configuration file ${path}: ${(error as Error).message}`,
      }),
    ]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new MotcuaError(configProblems(parsed.error, path));
  // Paths in the file are relative to the file.
  const base = dirname(resolve(path));
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(base, p));
  const c = parsed.data;
  return {
    ...c,
    dataDir: at(c.dataDir),
    catalogue: at(c.catalogue),
    office: typeof c.office === 'string' ? resolve(base, c.office) : c.office,
    tls: c.tls && { cert: resolve(base, c.tls.cert), key: resolve(base, c.tls.key) },
    static: c.static?.map((m) => ({ ...m, dir: resolve(base, m.dir) })),
    calendarOverlays: c.calendarOverlays?.map((o) => (typeof o === 'string' ? resolve(base, o) : o)),
    offices: c.offices?.map((o) => ({
      ...o,
      office: typeof o.office === 'string' ? resolve(base, o.office) : o.office,
      catalogue: at(o.catalogue),
    })),
  };
}

/**
 * The allowed origins as browsers send them (`http://localhost:8110/` becomes `http://localhost:8110`, with a warning);
 * anything that is not `*` or a bare http(s) origin is refused with its index.
 */
function checkedOrigins(origins: readonly string[]): string[] {
  const problems: Problem[] = [];
  const checked = origins.map((given, index) => {
    if (given === '*') return given;
    let url: URL | undefined;
    try {
      url = new URL(given);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
      problems.push(
        problem(['allowedOrigins', index], 'invalid-origin', {
          vi: `"${given}" không phải là một nguồn gốc (origin) như https://xa-an-binh.gov.vn`,
          en: `"${given}" is not an origin like https://xa-an-binh.gov.vn`,
        }),
      );
      return given;
    }
    if (url.origin !== given) {
      console.warn(`motcua-server: allowedOrigins[${index}] "${given}" read as "${url.origin}" (what browsers send)`);
    }
    return url.origin;
  });
  if (problems.length > 0) throw new MotcuaError(problems);
  return checked;
}

/** The secret in `dataDir/secret`, created on first start. */
function storedSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(stored, 'utf8') < MIN_SECRET_BYTES) throw new MotcuaError([shortSecret(['secret'], file)]);
    return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Reads the configuration: defaults, then the JSON file named by `MOTCUA_CONFIG` (paths in it are relative to
 * it), then environment variables (`PORT`, `HOST`, `DATABASE_URL`, `MOTCUA_DATA_DIR`, `MOTCUA_SECRET`,
 * `MOTCUA_TLS_CERT`, `MOTCUA_TLS_KEY`, `MOTCUA_ALLOWED_ORIGINS`, `MOTCUA_CATALOGUE`, `MOTCUA_OFFICE`,
 * `MOTCUA_TRUST_PROXY`, `MOTCUA_IDEMPOTENCY_RETENTION_HOURS`, `MOTCUA_SESSION_IDLE_MINUTES`, `MOTCUA_SESSION_HOURS`,
 * `MOTCUA_AUDIT_RETENTION_DAYS`). Calendar overlays (`calendarOverlays`) come from the
 * file only. Invalid values throw a
 * `MotcuaError` naming the field, in Vietnamese and English.
 *
 * @example
 * ```ts
 * const config = loadConfig({ ...process.env, PORT: '8080' });
 * config.port; // 8080
 * ```
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const file = env.MOTCUA_CONFIG ? fromFile(env.MOTCUA_CONFIG) : {};
  const environment = fromEnv(env);
  const merged: FileConfig = { ...file };
  for (const [key, value] of Object.entries(environment)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  const dataDir = resolve(merged.dataDir ?? 'motcua-data');
  return {
    port: merged.port ?? 8000,
    host: merged.host ?? '0.0.0.0',
    databaseUrl: merged.databaseUrl,
    ...(merged.databasePool ? { databasePool: merged.databasePool } : {}),
    dataDir,
    secret: merged.secret ?? storedSecret(dataDir),
    tls: merged.tls,
    allowedOrigins: checkedOrigins(merged.allowedOrigins ?? []),
    catalogue: merged.catalogue,
    static: merged.static ?? [],
    office: loadOffice(merged.office, env.MOTCUA_CONFIG ?? 'the configuration', ['office']),
    trustProxy: merged.trustProxy ?? [],
    idempotencyRetentionHours: merged.idempotencyRetentionHours ?? DEFAULT_IDEMPOTENCY_RETENTION_HOURS,
    calendarOverlays: loadCalendarOverlays(merged.calendarOverlays ?? []),
    staff: { ...file.staff, ...environment.staff },
    ...(merged.offices ? { offices: loadOffices(merged, env.MOTCUA_CONFIG ?? 'the configuration') } : {}),
  };
}

/**
 * A province deployment's offices, each checked as `office` is; refused together with every problem: no PostgreSQL,
 * `office` given too, an office id or a host name twice.
 */
function loadOffices(config: FileConfig, where: string): ServedOffice[] {
  const entries = config.offices ?? [];
  const problems: Problem[] = [];
  if (!config.databaseUrl) {
    problems.push(
      problem(['offices'], 'offices-need-postgres', {
        vi: `Nhiều đơn vị trên một phiên bản cần PostgreSQL (DATABASE_URL) trong ${where}`,
        en: `Several offices on one instance need PostgreSQL (DATABASE_URL) in ${where}`,
      }),
    );
  }
  if (config.office !== undefined) {
    problems.push(
      problem(['office'], 'office-and-offices', {
        vi: `Chỉ dùng "office" hoặc "offices", không dùng cả hai (${where})`,
        en: `Give either "office" or "offices", not both (${where})`,
      }),
    );
  }
  const offices: ServedOffice[] = [];
  const ids = new Set<string>();
  const hosts = new Set<string>();
  entries.forEach((entry, i) => {
    let office: Office;
    try {
      office = loadOffice(entry.office, where, ['offices', i, 'office']);
    } catch (error) {
      if (!(error instanceof MotcuaError)) throw error;
      problems.push(...error.problems);
      return;
    }
    if (ids.has(office.id)) {
      problems.push(
        problem(['offices', i, 'office', 'id'], 'duplicate-office', {
          vi: `Đơn vị "${office.id}" có hai lần`,
          en: `The office "${office.id}" is given twice`,
        }),
      );
    }
    ids.add(office.id);
    const own = (entry.hosts ?? []).map((host) => host.toLowerCase());
    own.forEach((host, j) => {
      if (hosts.has(host)) {
        problems.push(
          problem(['offices', i, 'hosts', j], 'duplicate-host', {
            vi: `Tên miền "${host}" đã thuộc một đơn vị khác`,
            en: `The host name "${host}" belongs to another office already`,
          }),
        );
      }
      hosts.add(host);
    });
    offices.push({ office, catalogue: entry.catalogue ?? config.catalogue, hosts: own });
  });
  if (problems.length > 0) throw new MotcuaError(problems);
  return offices;
}

/**
 * Reads and checks the calendar overlays. A bad one stops the start with every problem, each under
 * `calendarOverlays[i]` and naming the file, in Vietnamese and English.
 */
function loadCalendarOverlays(entries: NonNullable<FileConfig['calendarOverlays']>): LoadedCalendarOverlay[] {
  const problems: Problem[] = [];
  const loaded: LoadedCalendarOverlay[] = [];
  entries.forEach((entry, i) => {
    const source = typeof entry === 'string' ? entry : 'inline';
    let raw: unknown = entry;
    if (typeof entry === 'string') {
      try {
        raw = readFileSync(entry, 'utf8');
      } catch (error) {
        problems.push(
          problem(['calendarOverlays', i], 'unreadable-config', {
            vi: `Không đọc được tệp lịch ${entry}: ${(error as Error).message}`,
            en: `Cannot read the calendar overlay file ${entry}: ${(error as Error).message}`,
          }),
        );
        return;
      }
    }
    try {
      loaded.push({ source, overlay: parseCalendarOverlay(raw) });
    } catch (error) {
      if (!(error instanceof MotcuaError)) throw error;
      for (const p of error.problems) {
        problems.push(
          problem(['calendarOverlays', i, ...p.path], p.code, {
            vi: `Lớp lịch ${source}: ${p.message.vi}`,
            en: `Calendar overlay ${source}: ${p.message.en}`,
          }),
        );
      }
    }
  });
  if (problems.length > 0) throw new MotcuaError(problems);
  return loaded;
}

/**
 * The configured office, else the demo office: inline in the configuration file `where` at the path `at`, or from
 * a JSON file of its own (its problems at their paths in that file). Its static tokens are placed (path and file),
 * and it is refused with every one shorter than 32 characters.
 */
function loadOffice(office: FileConfig['office'], where: string, at: ProblemPath): Office {
  if (office === undefined) return demoOffice();
  const inFile = typeof office === 'string';
  const input = inFile ? readOffice(office, at) : office;
  let parsed: Office;
  try {
    parsed = parseOffice(input);
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    // A problem of the office's own file is at its path in that file, and names the file.
    const place = (p: Problem): Problem =>
      inFile
        ? { ...p, message: { vi: `${office}: ${p.message.vi}`, en: `${office}: ${p.message.en}` } }
        : { ...p, path: [...at, ...p.path] };
    throw new MotcuaError(error.problems.map(place));
  }
  const placed: Office = {
    ...parsed,
    staticTokens: parsed.staticTokens.map((t) =>
      inFile ? { ...t, source: office } : { ...t, path: [...at, ...t.path], source: where },
    ),
  };
  const problems = staticTokenProblems(placed);
  if (problems.length > 0) throw new MotcuaError(problems);
  return placed;
}

function readOffice(office: string, at: ProblemPath): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(office, 'utf8'));
  } catch (error) {
    throw new MotcuaError([
      problem(at, 'unreadable-config', {
        vi: `Không đọc được tệp cấu hình văn phòng ${office}: ${(error as Error).message}`,
        en: `Cannot read the office configuration file ${office}: ${(error as Error).message}`,
      }),
    ]);
  }
  return raw;
}

// A province's working day in compressed time, on loopback: INSTANCES service processes (each serving every office,
// as the application role, under row-level security) behind a small round-robin load balancer, one PostgreSQL, and
// OFFICES offices each with 4 kiosks, 4 counters, 1 board and its citizens: TICKETS tickets per office over MINUTES
// minutes, about half of them with a dossier received at the counter, most rated, and each dossier looked up by its
// citizen (and once at the wrong office). With KILL=1 (default) one instance is killed (SIGKILL) mid-day and not
// restarted: the balancer sends its clients to the others, which carry on. BOARDS (default 1) boards per office
// measure the events' fan-out: every board hears every call, through whichever instance it is connected to.
//
//   export MOTCUA_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
//   node --import tsx packages/server/bench/province-day.ts            # 2 instances, 40 offices, 5 minutes
//   OFFICES=10 MINUTES=2 node --import tsx packages/server/bench/province-day.ts
//   OFFICES=10 MINUTES=2 KILL=0 BOARDS=30 node --import tsx packages/server/bench/province-day.ts   # 300 boards
//   SEARCH=1 OFFICES=155 KILL=0 node --import tsx packages/server/bench/province-day.ts   # stepped search
//
// Prints requests/s, p50/p95/p99 per route, the board event delay (a call at a counter, through whichever instance,
// until the office's board — connected to any instance — hears it), what was answered against what was stored (no
// ticket, dossier or rating lost or duplicated), cross-office reads, and the database size per office-year. The load
// generator, the balancer, the instances and PostgreSQL share this machine's cores.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { ServedOffice } from '../src/config.js';
import { openAsApplicationRole } from '../src/db/application-role.test-support.js';
import type { Json } from '../src/http/call.test-support.js';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';
import { startServer } from '../src/server.js';

const OFFICES = Number(process.env.OFFICES ?? 40);
const INSTANCES = Number(process.env.INSTANCES ?? 2);
const MINUTES = Number(process.env.MINUTES ?? 5);
const TICKETS = Number(process.env.TICKETS ?? 120);
const KILL = process.env.KILL !== '0';
/** Boards per office, each its own event stream through the balancer: the fan-out is OFFICES × BOARDS streams. */
const BOARDS = Number(process.env.BOARDS ?? 1);
/**
 * BALANCER=haproxy: Debian's HAProxy (`apt-get install haproxy`) with the guide's configuration
 * (examples/province/haproxy.cfg) in front of the instances, instead of the benchmark's own small balancer.
 */
const BALANCER = process.env.BALANCER === 'haproxy' ? 'haproxy' : 'node';
/** SEARCH=1: one-minute steps of 5, 10, 20, 40 … more offices at the day's rate, until p95 passes 200 ms (≤ 10 min). */
const SEARCH = process.env.SEARCH === '1';
const SERVICES = ['ho-tich', 'dat-dai', 'chung-thuc'];
const DAY_MS = MINUTES * 60_000;
/** The service's clock: Wednesday 2 December 2026, 08:00 in Vietnam, running from the start of the day. */
const CLOCK_BASE = Date.UTC(2026, 11, 2, 1, 0);
const token = (office: string, what: string) => `${office}-${what}-${'t'.repeat(32)}`;
const EXAMPLE = new URL('../../../examples/data/catalogue.json', import.meta.url);

/** An office of the province: the demo services, 4 counters serving all of them, 4 kiosks, limits for a day's load. */
function officeInput(id: string) {
  return {
    ...DEMO_OFFICE,
    id,
    name: { vi: `Xã ${id}`, en: `${id} commune` },
    queue: {
      ...DEMO_OFFICE.queue,
      counters: [1, 2, 3, 4].map((n) => ({ id: String(n), services: SERVICES, token: token(id, `counter-${n}`) })),
    },
    kiosks: [1, 2, 3, 4].map((n) => ({ id: `kiosk-${n}`, token: token(id, `kiosk-${n}`) })),
    rateLimits: { tickets: { limit: 10_000, windowSeconds: 60 } },
  };
}

/** `--serve`: one instance of every office in PROVINCE_FILE, on PORT, with the day's clock. */
async function serve(): Promise<void> {
  const province = JSON.parse(readFileSync(process.env.PROVINCE_FILE as string, 'utf8')) as {
    offices: { office: unknown; catalogue: string }[];
    dataDir: string;
    start: number;
  };
  const offices: ServedOffice[] = province.offices.map((o) => ({
    office: parseOffice(o.office),
    catalogue: o.catalogue,
    hosts: [],
  }));
  const server = await startServer(
    {
      port: Number(process.env.PORT),
      host: '127.0.0.1',
      databaseUrl: process.env.DATABASE_URL,
      dataDir: province.dataDir,
      secret: 'province-day-secret-'.padEnd(48, 'x'),
      tls: undefined,
      allowedOrigins: [],
      catalogue: undefined,
      static: [],
      office: parseOffice(DEMO_OFFICE),
      offices,
      // The balancer on loopback is the citizens' proxy: their addresses come in X-Forwarded-For.
      trustProxy: ['loopback'],
    },
    { now: () => CLOCK_BASE + (Date.now() - province.start) },
  );
  console.log(`ready ${server.url}`);
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

function startInstance(databaseUrl: string, provinceFile: string): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    // PROFILE=dir: each instance writes a CPU profile there when it ends.
    const profile = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
      env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, PROVINCE_FILE: provinceFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/ready http:\/\/[^:]+:(\d+)\//);
      if (match?.[1]) resolve({ port: Number(match[1]), child });
    });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${err.slice(-2000)}`)));
  });
}

/**
 * The load balancer: round-robin over the instances still answering; a request whose instance refuses or drops the
 * connection before answering goes to the next one (bodies are kept for that), and that instance is left out for
 * two seconds. Event streams are piped as they come.
 */
function balancer(ports: readonly number[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const downUntil = new Map<number, number>();
  let next = 0;
  let retried = 0;
  const pick = (tried: Set<number>) => {
    for (let i = 0; i < ports.length; i++) {
      const port = ports[(next + i) % ports.length] as number;
      if (!tried.has(port) && (downUntil.get(port) ?? 0) < Date.now()) {
        next = (next + i + 1) % ports.length;
        return port;
      }
    }
    return ports.find((p) => !tried.has(p));
  };
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<number>) => {
    const port = pick(tried);
    if (port === undefined) {
      res.writeHead(502).end();
      return;
    }
    tried.add(port);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': forwardedFor },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      downUntil.set(port, Date.now() + 2_000);
      retried++;
      forward(req, res, body, tried);
    });
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  return {
    async listen(): Promise<Balancer> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        retried: async () => `${retried}`,
        async close() {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeAllConnections();
        },
      };
    },
  };
}

/** The load balancer in front of the instances, as the day sees it. */
interface Balancer {
  /** The address every citizen, kiosk, counter and board uses. */
  readonly base: string;
  /** How many requests it sent again to another instance. */
  retried(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Debian's HAProxy with examples/province/haproxy.cfg, the guide's configuration: its `bind` on a free loopback port,
 * its stats socket in `dir`, its health check on the first office, its `server` lines the instances.
 */
async function haproxy(ports: readonly number[], office: string, dir: string): Promise<Balancer> {
  const template = readFileSync(new URL('../../../examples/province/haproxy.cfg', import.meta.url), 'utf8');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const socket = join(dir, 'haproxy.sock');
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    `${template
      .replace(/^( +)bind :80$/m, `$1bind 127.0.0.1:${port}`)
      .replace(/^( +)stats socket \S+/m, `$1stats socket ${socket}`)
      .replace(/\/o\/xa-an-binh\/api\/health/, `/o/${office}/api/health`)
      .replace(/^ +server .*\n/gm, '')}${ports.map((p, i) => `    server motcua-${i + 1} 127.0.0.1:${p}\n`).join('')}`,
  );
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', () => reject(new Error("BALANCER=haproxy needs Debian's haproxy: apt-get install haproxy")));
    child.once('exit', (code) => reject(new Error(`haproxy exited with ${code}: ${err.slice(-2000)}`)));
  });
  failed.catch(() => {});
  // Ready once it answers through to an instance.
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    const ok = await Promise.race([
      fetch(`${base}o/${office}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
      failed,
    ]);
    if (ok) break;
    if (i > 100) throw new Error(`haproxy did not answer: ${err.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  /** The backend's line of `show stat`: retries (`wretr`) and requests sent to another server (`wredis`). */
  const stat = () =>
    new Promise<string>((resolve) => {
      let csv = '';
      const conn = connect(socket, () => conn.end('show stat\n'));
      conn.on('data', (chunk: Buffer) => {
        csv += chunk.toString();
      });
      conn.on('error', () => resolve('?'));
      conn.on('end', () => {
        const [header = '', ...rows] = csv.replace(/^# /, '').trim().split('\n');
        const names = header.split(',');
        const backend = rows.map((r) => r.split(',')).find((r) => r[0] === 'instances' && r[1] === 'BACKEND') ?? [];
        const field = (name: string) => backend[names.indexOf(name)] ?? '?';
        resolve(`${field('wretr')} retries, ${field('wredis')} sent to another instance (HAProxy)`);
      });
    });
  return {
    base,
    retried: stat,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const latencies = new Map<string, number[]>();
/** Per route, how many answers of each status (0: no answer) came back, retries included. */
const statuses = new Map<string, Map<number, number>>();
/** The first answer of each refusing status per route, to say why. */
const firstRefusal = new Map<string, string>();
let requests = 0;

/** One API call through the balancer, timed under its route; retried with the same key on a 409, 429 or 5xx. */
async function api(
  base: string,
  route: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; client: string },
): Promise<{ status: number; body: Json }> {
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now();
    let status = 0;
    let body: Json = {};
    try {
      const res = await fetch(new URL(path, base), {
        method: init.method ?? 'GET',
        headers: {
          'x-forwarded-for': init.client,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      status = res.status;
      const text = await res.text();
      body = text ? JSON.parse(text) : {};
    } catch {
      status = 0;
    }
    requests++;
    const counts = statuses.get(route) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    statuses.set(route, counts);
    if (status >= 400 && status !== 404 && !firstRefusal.has(`${route} ${status}`)) {
      firstRefusal.set(`${route} ${status}`, JSON.stringify(body.error ?? body).slice(0, 300));
    }
    const list = latencies.get(route) ?? [];
    list.push(performance.now() - t0);
    latencies.set(route, list);
    if (status !== 0 && status !== 409 && status !== 429 && status < 500) return { status, body };
    if (attempt >= 20) return { status, body };
    await new Promise((resolve) => setTimeout(resolve, Math.min(3_000, 100 * 2 ** attempt)));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** A board: the office's event stream through the balancer, reconnected when it drops; when each number was called. */
function board(base: string, office: string, heard: Map<string, number>, stop: AbortSignal): void {
  const run = async () => {
    while (!stop.aborted) {
      try {
        const res = await fetch(new URL(`o/${office}/api/queue/events`, base), {
          headers: { 'x-forwarded-for': `10.9.${OFFICES}.1` },
          signal: stop,
        });
        const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          buffer += chunk.value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split('\n').find((line) => line.startsWith('data:'));
            if (!event.includes('event: ticket') || !data) continue;
            // A board's ticket carries its number, not its id.
            const delta = JSON.parse(data.slice(5)) as { type: string; ticket?: { number: string } };
            if (delta.type === 'call' && delta.ticket && !heard.has(delta.ticket.number)) {
              heard.set(delta.ticket.number, performance.now());
            }
          }
        }
      } catch {
        // dropped (an instance died, or the day ended): connect again
      }
      if (!stop.aborted) await sleep(500);
    }
  };
  void run();
}

interface OfficeDay {
  tickets: Set<string>;
  dossiers: Set<string>;
  ratings: number;
  calledAt: Map<string, number>;
  /** Per board of the office: when it heard each number called. */
  heard: Map<string, number>[];
  crossReads: number;
  lookups: { code: string; pin: string }[];
}

/** How long a day lasts, its tickets per office, and the offices working it (`first` … `first + count - 1`). */
interface Load {
  readonly dayMs: number;
  readonly tickets: number;
  readonly first: number;
  readonly count: number;
}

/** One office's day: kiosks issue, counters call, serve, receive dossiers and finish, citizens rate and look up. */
async function officeDay(
  base: string,
  index: number,
  stop: AbortSignal,
  neighbour: () => OfficeDay,
  { dayMs, tickets, first, count }: Load,
): Promise<OfficeDay> {
  const id = `xa-${index}`;
  const day: OfficeDay = {
    tickets: new Set(),
    dossiers: new Set(),
    ratings: 0,
    calledAt: new Map(),
    heard: Array.from({ length: BOARDS }, () => new Map()),
    crossReads: 0,
    lookups: [],
  };
  for (const heard of day.heard) board(base, id, heard, stop);
  const started = performance.now();
  const kiosks = Array.from({ length: tickets }, async (_, n) => {
    await sleep(Math.random() * dayMs * 0.8);
    const kiosk = (n % 4) + 1;
    const res = await api(base, 'POST /api/queue/tickets', `o/${id}/api/queue/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(id, `kiosk-${kiosk}`)}`, 'idempotency-key': `${id}-t-${n}` },
      body: { service: SERVICES[n % SERVICES.length] },
      client: `10.1.${index}.${kiosk}`,
    });
    if (res.status === 201) day.tickets.add(res.body.id);
  });
  let served = 0;
  const counters = [1, 2, 3, 4].map(async (counter) => {
    const headers = (key: string) => ({
      authorization: `Bearer ${token(id, `counter-${counter}`)}`,
      'idempotency-key': key,
    });
    const client = `10.2.${index}.${counter}`;
    for (let n = 0; performance.now() - started < dayMs * 0.95 || served < day.tickets.size; n++) {
      if (performance.now() - started > dayMs * 1.5) break;
      const sent = performance.now();
      const call = await api(
        base,
        'POST /api/queue/counters/:id/call-next',
        `o/${id}/api/queue/counters/${counter}/call-next`,
        {
          method: 'POST',
          headers: headers(`${id}-c${counter}-${n}-call`),
          body: {},
          client,
        },
      );
      const ticket = call.body.ticket as { id: string; number: string } | null | undefined;
      if (!ticket) {
        // Nobody waits: the officer looks again a few seconds later (the console shows the waiting count live).
        await sleep(5_000);
        continue;
      }
      served++;
      day.calledAt.set(ticket.number, sent);
      await sleep((dayMs / (tickets / 4)) * 0.3 * Math.random());
      if (Math.random() < 0.5) {
        const dossier = await api(base, 'POST /api/dossiers', `o/${id}/api/dossiers`, {
          method: 'POST',
          headers: headers(`${id}-c${counter}-${n}-dossier`),
          body: {
            procedure: '1.004194',
            applicant: { name: `Công dân ${id} ${n}`, phone: '0905 123 456' },
            documents: [{ name: 'Tờ khai thay đổi thông tin cư trú' }],
          },
          client,
        });
        if (dossier.status === 201) {
          day.dossiers.add(dossier.body.code);
          day.lookups.push({ code: dossier.body.code, pin: dossier.body.pin });
        }
      }
      const done = await api(base, 'POST /api/queue/counters/:id/done', `o/${id}/api/queue/counters/${counter}/done`, {
        method: 'POST',
        headers: headers(`${id}-c${counter}-${n}-done`),
        body: { ticket: ticket.id },
        client,
      });
      if (done.body.ratingToken && Math.random() < 0.7) {
        const rated = await api(base, 'POST /api/ratings', `o/${id}/api/ratings`, {
          method: 'POST',
          headers: { 'idempotency-key': `${id}-r-${ticket.id}` },
          body: ((overall) => ({
            token: done.body.ratingToken,
            // Not satisfied: the form asks why.
            answers: { overall, ...(overall === 1 ? { reason: 'Phải chờ lâu' } : {}) },
          }))(1 + Math.floor(Math.random() * 3)),
          client: `10.3.${index}.${n % 250}`,
        });
        if (rated.status === 201) day.ratings++;
      }
    }
  });
  // Citizens look their dossiers up through the day, and once at the wrong office (which must not find it).
  const citizens = (async () => {
    let n = 0;
    while (performance.now() - started < dayMs) {
      await sleep(2_000);
      const asked = day.lookups.shift();
      if (!asked) continue;
      n++;
      await api(base, 'GET /api/dossiers/:code', `o/${id}/api/dossiers/${asked.code}`, {
        headers: { 'dossier-pin': asked.pin },
        client: `10.4.${index}.${n % 250}`,
      });
      const elsewhere = neighbour();
      if (elsewhere !== day) {
        const other = await api(
          base,
          'GET /api/dossiers/:code',
          `o/xa-${first + ((index - first + 1) % count)}/api/dossiers/${asked.code}`,
          {
            headers: { 'dossier-pin': asked.pin },
            client: `10.5.${index}.${n % 250}`,
          },
        );
        if (other.status !== 404) day.crossReads++;
      }
    }
  })();
  await Promise.all([...kiosks, ...counters, citizens]);
  return day;
}

/** Tables whose rows last hours (answers kept for retries, rate-limit counts, failed lookups, sessions). */
const TRANSIENT = ['idempotency_keys', 'rate_limit_windows', 'dossier_lookup_failures', 'staff_sessions'];

/** Bytes of the schema's lasting tables with their indexes and TOAST, and of the transient ones. */
async function databaseBytes(superuser: pg.Client, schema: string) {
  const { rows } = await superuser.query<{ lasting: string; transient: string }>(
    `select coalesce(sum(pg_total_relation_size(c.oid)) filter (where not c.relname = any($2)), 0)::bigint as lasting,
            coalesce(sum(pg_total_relation_size(c.oid)) filter (where c.relname = any($2)), 0)::bigint as transient
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
    [schema, TRANSIENT],
  );
  return { lasting: Number(rows[0]?.lasting ?? 0), transient: Number(rows[0]?.transient ?? 0) };
}

async function main(): Promise<void> {
  const url = process.env.MOTCUA_TEST_DATABASE_URL;
  if (!url) {
    console.log(
      'province day: skipped (set MOTCUA_TEST_DATABASE_URL to a PostgreSQL server, bash scripts/postgres.sh)',
    );
    return;
  }
  const roles = await openAsApplicationRole(url);
  const dir = mkdtempSync(join(tmpdir(), 'motcua-province-day-'));
  const catalogue = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  const offices = Array.from({ length: OFFICES }, (_, i) => {
    const file = join(dir, `xa-${i}.json`);
    // Each commune's own agency code (QCVN 102:2016 form): dossier codes carry it.
    const code = `000.${String(Math.floor(i / 100)).padStart(2, '0')}.${String(i % 100).padStart(2, '0')}.H62`;
    writeFileSync(file, JSON.stringify({ ...catalogue, agency: { ...catalogue.agency, code } }));
    return { office: officeInput(`xa-${i}`), catalogue: file };
  });
  const provinceFile = join(dir, 'province.json');
  writeFileSync(provinceFile, JSON.stringify({ offices, dataDir: dir, start: Date.now() }));
  const children: ChildProcess[] = [];
  const stop = new AbortController();
  try {
    const startedAt = performance.now();
    const instances = [];
    for (let i = 0; i < INSTANCES; i++) instances.push(await startInstance(roles.url, provinceFile));
    for (const i of instances) {
      i.child.removeAllListeners('exit');
      children.push(i.child);
    }
    console.log(
      `province day: ${INSTANCES} instances started with ${OFFICES} offices each in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    const ports = instances.map((i) => i.port);
    const lb = BALANCER === 'haproxy' ? await haproxy(ports, 'xa-0', dir) : await balancer(ports).listen();
    const { base } = lb;
    // Each office's day, by its index (a stepped search leaves the offices it did not reach out).
    const results: OfficeDay[] = [];
    const work = (load: Load) =>
      Promise.all(
        Array.from({ length: load.count }, (_, k) => {
          const i = load.first + k;
          const next = load.first + ((k + 1) % load.count);
          return officeDay(base, i, stop.signal, () => results[next] ?? (results[i] as OfficeDay), load).then((day) => {
            results[i] = day;
          });
        }),
      );
    const sizeBefore = await databaseBytes(roles.superuser, roles.schema);
    const begun = performance.now();
    let killedAt: number | undefined;
    if (SEARCH) {
      // Each step a minute of the day's rate, on offices not used before.
      const stepMs = 60_000;
      const tickets = Math.max(4, Math.round((TICKETS * stepMs) / DAY_MS));
      let first = 0;
      for (const count of [5, 10, 20, 40, 80, 120]) {
        if (first + count > OFFICES || performance.now() - begun > 540_000) break;
        latencies.clear();
        statuses.clear();
        const before = requests;
        const stepStart = performance.now();
        await work({ dayMs: stepMs, tickets, first, count });
        const all = [...latencies.values()].flat().sort((x, y) => x - y);
        const p95 = percentile(all, 95);
        console.log(
          `  step: ${String(count).padStart(3)} offices, ${(((requests - before) * 1000) / (performance.now() - stepStart)).toFixed(1)} requests/s, p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms`,
        );
        first += count;
        if (p95 > 200) break;
      }
    } else {
      if (KILL && INSTANCES > 1) {
        setTimeout(() => {
          killedAt = performance.now() - begun;
          (children[INSTANCES - 1] as ChildProcess).kill('SIGKILL');
        }, DAY_MS / 2).unref();
      }
      await work({ dayMs: DAY_MS, tickets: TICKETS, first: 0, count: OFFICES });
    }
    const seconds = (performance.now() - begun) / 1000;
    stop.abort();
    // What was answered, against what the database holds (a superuser counts every office).
    const s = roles.schema;
    const q = async (sql: string) => (await roles.superuser.query(sql)).rows;
    const stored = new Map(
      (
        await q(
          `select o.office, (select count(*) from ${s}.queue_tickets t where t.office = o.office)::int as tickets,
             (select count(*) from ${s}.dossiers d where d.office = o.office)::int as dossiers,
             (select count(*) from ${s}.ratings r where r.office = o.office)::int as ratings
           from (select distinct office from ${s}.office_settings) o`,
        )
      ).map((r) => [r.office as string, r]),
    );
    const [dupTickets] = await q(
      `select count(*)::int as n from (select office, business_date, data->>'number' from ${s}.queue_tickets
         group by 1, 2, 3 having count(*) > 1) d`,
    );
    const problems: string[] = [];
    let tickets = 0;
    let dossiers = 0;
    let ratings = 0;
    let crossReads = 0;
    const delays: number[] = [];
    let unheard = 0;
    results.forEach((day, i) => {
      const row = stored.get(`xa-${i}`) ?? { tickets: 0, dossiers: 0, ratings: 0 };
      if (row.tickets !== day.tickets.size)
        problems.push(`xa-${i}: ${day.tickets.size} tickets answered, ${row.tickets} stored`);
      if (row.dossiers !== day.dossiers.size)
        problems.push(`xa-${i}: ${day.dossiers.size} dossiers answered, ${row.dossiers} stored`);
      if (row.ratings !== day.ratings) problems.push(`xa-${i}: ${day.ratings} ratings answered, ${row.ratings} stored`);
      tickets += day.tickets.size;
      dossiers += day.dossiers.size;
      ratings += day.ratings;
      crossReads += day.crossReads;
      for (const [number, sent] of day.calledAt) {
        for (const board of day.heard) {
          const heard = board.get(number);
          if (heard === undefined) unheard++;
          else delays.push(heard - sent);
        }
      }
    });
    if ((dupTickets?.n ?? 0) > 0) problems.push(`${dupTickets?.n} ticket numbers given twice`);
    if (crossReads > 0) problems.push(`${crossReads} dossiers found at another office`);
    const sizeAfter = await databaseBytes(roles.superuser, roles.schema);
    const grown = sizeAfter.lasting - sizeBefore.lasting;
    delays.sort((x, y) => x - y);
    console.log(
      `province day: ${SEARCH ? `stepped search, 1-minute steps at the rate of a ${MINUTES}-minute day (the last step's routes below)` : `${OFFICES} offices, ${MINUTES} min`}, ${INSTANCES} instances${killedAt ? `; instance ${INSTANCES} killed at ${(killedAt / 1000).toFixed(0)} s` : ''}`,
    );
    console.log(
      `  ${requests} requests in ${seconds.toFixed(0)} s: ${(requests / seconds).toFixed(1)} requests/s; retried by the balancer: ${await lb.retried()}`,
    );
    console.log(`  answered and stored: ${tickets} tickets, ${dossiers} dossiers, ${ratings} ratings`);
    console.log('  route                                         count   p50 ms   p95 ms   p99 ms  answers');
    for (const [route, list] of [...latencies].sort()) {
      list.sort((x, y) => x - y);
      const answers = [...(statuses.get(route) ?? [])].map(([status, n]) => `${status}×${n}`).join(' ');
      console.log(
        `  ${route.padEnd(44)} ${String(list.length).padStart(6)} ${percentile(list, 50).toFixed(1).padStart(8)} ${percentile(list, 95).toFixed(1).padStart(8)} ${percentile(list, 99).toFixed(1).padStart(8)}  ${answers}`,
      );
    }
    for (const [what, why] of firstRefusal) console.log(`  refused: ${what}: ${why}`);
    console.log(
      `  board event delay (call sent → board heard), ${results.filter(Boolean).length * BOARDS} boards (${BOARDS} per office), ${delays.length} calls heard: p50 ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms; not heard by the day's end: ${unheard}`,
    );
    const perOfficeDay = grown / results.filter(Boolean).length;
    console.log(
      `  lasting tables grew ${(grown / 1e6).toFixed(1)} MB in the day: ${(perOfficeDay / 1e3).toFixed(0)} kB per office-day (with indexes and TOAST), about ${((perOfficeDay * 250) / 1e6).toFixed(0)} MB per office-year of 250 working days; transient ones (purged after hours) ${((sizeAfter.transient - sizeBefore.transient) / 1e6).toFixed(1)} MB`,
    );
    console.log(`  lost, duplicated or cross-office: ${problems.length === 0 ? 'none' : problems.join('; ')}`);
    if (problems.length > 0) process.exitCode = 1;
    await lb.close();
  } finally {
    stop.abort();
    await Promise.all(
      children.map((c) => {
        if (c.exitCode !== null || c.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        return exited;
      }),
    );
    await roles.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();

// Bounded loopback load test of ticket-taking: two service processes on one PostgreSQL, 8 kiosk clients
// each taking 250 tickets (with Idempotency-Keys) across three services, alternately through either process.
// Checks that the 2,000 tickets are distinct, none lost, each service numbered 1…n without a gap; reports
// requests/s and latency percentiles.
//
//   export MOTCUA_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
//   node --import tsx packages/server/bench/queue-load.bench.ts
//
// Without a PostgreSQL URL it says so and exits 0. CLIENTS and TICKETS override the 8 × 250. With KILL=1 the
// first process is killed (SIGKILL) after a quarter of the tickets and started again; clients retry failed
// requests with the same Idempotency-Key on the other process, and nothing may be lost or duplicated.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_OFFICE, parseOffice } from '../src/office/office.js';
import { startServer } from '../src/server.js';

const CLIENTS = Number(process.env.CLIENTS ?? 8);
const KILL = process.env.KILL === '1';
const TICKETS = Number(process.env.TICKETS ?? 250);
const SERVICES = ['ho-tich', 'dat-dai', 'chung-thuc'];
const kioskToken = (i: number) => `bench-kiosk-${i}-token`;

/** The office of the test: the demo services and counters, one kiosk per client, a limit that never bites. */
const office = {
  ...DEMO_OFFICE,
  id: 'bench',
  kiosks: Array.from({ length: CLIENTS }, (_, i) => ({ id: `kiosk-${i}`, token: kioskToken(i) })),
  rateLimits: { tickets: { limit: 1_000_000, windowSeconds: 60 } },
};

async function serve(): Promise<void> {
  const server = await startServer({
    port: Number(process.env.PORT),
    host: '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.MOTCUA_DATA_DIR as string,
    secret: 'bench-secret-'.padEnd(40, 'x'),
    tls: undefined,
    allowedOrigins: [],
    catalogue: undefined,
    static: [],
    office: parseOffice(office),
  });
  console.log(`ready ${server.url}`);
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startInstance(
  databaseUrl: string,
  dataDir: string,
  atPort?: number,
): Promise<{ url: string; child: ChildProcess }> {
  return (atPort === undefined ? freePort() : Promise.resolve(atPort)).then(
    (port) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
          env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, MOTCUA_DATA_DIR: dataDir },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = out.match(/ready (\S+)/);
          if (match?.[1]) resolve({ url: `http://127.0.0.1:${port}/`, child });
        });
        child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
      }),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const url = process.env.MOTCUA_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.log('queue load test: skipped (set MOTCUA_TEST_DATABASE_URL to a PostgreSQL server)');
    return;
  }
  const schema = `motcua_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const instances: ChildProcess[] = [];
  try {
    // The first instance migrates alone; the second then finds the schema up to date.
    const a = await startInstance(scoped.toString(), dataDir);
    instances.push(a.child);
    const b = await startInstance(scoped.toString(), dataDir);
    instances.push(b.child);
    const bases = [a.url, b.url];
    const latencies: number[] = [];
    const answers: { status: number; number?: string; service?: string; id?: string }[] = [];
    let retries = 0;
    let restarted: Promise<void> | undefined;
    const started = performance.now();
    /** One ticket, retried with the same key on the other process after a network error, a 409 or a 5xx. */
    async function take(client: number, i: number): Promise<void> {
      const service = SERVICES[(client + i) % SERVICES.length] as string;
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        const base = bases[(client + i + attempt) % 2] as string;
        try {
          const res = await fetch(new URL('api/queue/tickets', base), {
            method: 'POST',
            headers: {
              authorization: `Bearer ${kioskToken(client)}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-${client}-${i}`,
            },
            body: JSON.stringify({ service }),
          });
          const body = (await res.json()) as { number?: string; service?: string; id?: string };
          if (res.status === 409 || res.status >= 500) throw new Error(`status ${res.status}`);
          latencies.push(performance.now() - t0);
          answers.push({ ...body, status: res.status });
          return;
        } catch {
          retries++;
          await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
        }
      }
    }
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < TICKETS; i++) {
          if (KILL && !restarted && answers.length >= (CLIENTS * TICKETS) / 4) {
            // Kill the first process mid-load, then start it again on the same port.
            const victim = instances[0] as ChildProcess;
            victim.removeAllListeners('exit');
            const port = Number(new URL(a.url).port);
            restarted = new Promise<void>((resolve) => victim.once('exit', () => resolve()))
              .then(() => startInstance(scoped.toString(), dataDir, port))
              .then((again) => {
                instances[0] = again.child;
              });
            victim.kill('SIGKILL');
          }
          await take(client, i);
        }
      }),
    );
    await restarted;
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const ok = answers.filter((r) => r.status === 201);
    const distinct = new Set(ok.map((r) => `${r.service}|${r.number}`));
    const ids = new Set(ok.map((r) => r.id));
    const [{ n } = { n: '0' }] = (
      await admin.query<{ n: string }>(`select count(*)::text as n from ${schema}.queue_tickets`)
    ).rows;
    const gaps: string[] = [];
    for (const service of SERVICES) {
      const values = ok
        .filter((r) => r.service === service)
        .map((r) => Number(r.number?.replace(/^[A-Z]+/, '')))
        .sort((x, y) => x - y);
      if (values.some((v, i) => v !== i + 1)) gaps.push(`${service} (${(values.at(-1) ?? 0) - values.length} unused)`);
    }
    const total = CLIENTS * TICKETS;
    console.log(
      `queue load test: ${CLIENTS} clients × ${TICKETS} tickets, 2 instances, one PostgreSQL${KILL ? ', one killed and restarted mid-load' : ''}`,
    );
    console.log(`  retried requests: ${retries}`);
    console.log(`  answers 201: ${ok.length} / ${total}; distinct numbers ${distinct.size}; distinct ids ${ids.size}`);
    console.log(
      `  tickets stored: ${n}; services with a gap in their numbers: ${gaps.length ? gaps.join(', ') : 'none'}`,
    );
    console.log(`  ${(total / seconds).toFixed(0)} requests/s over ${seconds.toFixed(2)} s`);
    console.log(
      `  latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
    );
    const failed = ok.length !== total || distinct.size !== total || ids.size !== total || Number(n) !== total;
    // A process killed after taking a number and before storing its ticket leaves that number unused: a gap is
    // expected then, a lost or duplicated ticket never.
    if (failed || (gaps.length > 0 && !KILL)) {
      console.error('queue load test: FAILED (lost, duplicated or gapped tickets)');
      process.exitCode = 1;
    }
  } finally {
    for (const child of instances) child.removeAllListeners('exit');
    await Promise.all(
      instances.map((c) => {
        const exited = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        return c.exitCode === null ? exited : undefined;
      }),
    );
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();

// Bounded loopback load test of ticket-taking: two service processes on one PostgreSQL, 8 kiosk clients
// each taking 250 tickets (with Idempotency-Keys) across three services, alternately through either process.
// Checks that the 2,000 tickets are distinct, none lost, each service numbered 1…n without a gap; reports
// requests/s and latency percentiles.
//
//   export MOTCUA_TEST_DATABASE_URL=$(bash scripts/postgres.sh)
//   node --import tsx packages/server/bench/queue-load.bench.ts
//
// Without a PostgreSQL URL it says so and exits 0. CLIENTS and TICKETS override the 8 × 250.
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

function startInstance(databaseUrl: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  return freePort().then(
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
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < TICKETS; i++) {
          const base = bases[(client + i) % 2] as string;
          const service = SERVICES[(client + i) % SERVICES.length] as string;
          const t0 = performance.now();
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
          latencies.push(performance.now() - t0);
          answers.push({ ...body, status: res.status });
        }
      }),
    );
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
      if (values.some((v, i) => v !== i + 1)) gaps.push(service);
    }
    const total = CLIENTS * TICKETS;
    console.log(`queue load test: ${CLIENTS} clients × ${TICKETS} tickets, 2 instances, one PostgreSQL`);
    console.log(`  answers 201: ${ok.length} / ${total}; distinct numbers ${distinct.size}; distinct ids ${ids.size}`);
    console.log(
      `  tickets stored: ${n}; services with a gap in their numbers: ${gaps.length ? gaps.join(', ') : 'none'}`,
    );
    console.log(`  ${(total / seconds).toFixed(0)} requests/s over ${seconds.toFixed(2)} s`);
    console.log(
      `  latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
    );
    const failed = ok.length !== total || distinct.size !== total || ids.size !== total || Number(n) !== total;
    if (failed || gaps.length > 0) {
      console.error('queue load test: FAILED (lost, duplicated or gapped tickets)');
      process.exitCode = 1;
    }
  } finally {
    for (const child of instances) child.kill('SIGTERM');
    await Promise.all(instances.map((c) => new Promise((resolve) => c.once('exit', resolve))));
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();

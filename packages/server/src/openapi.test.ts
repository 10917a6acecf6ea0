import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { vietnamCalendar } from '@motcua/core/calendar';
import { buildBoard, createQueue, type FollowedNumber } from '@motcua/core/queue';
import { expect } from 'chai';
import * as z from 'zod';
import { ROUTE_ACCESS, type RouteCaller } from './access.js';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { DOSSIER_INPUTS } from './dossiers/inputs.js';
import { scorecardReport } from './dossiers/scorecard-report.js';
import { vietnamIso } from './dossiers/vietnam-iso.js';
import { NOTIFICATION_INPUTS } from './notifications/inputs.js';
import { noticeOf } from './notifications/notice.js';
import { queueReportQuery } from './queue/inputs.js';
import { queueReport } from './queue/report-store.js';

const OPENAPI = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');

interface KeyTree {
  readonly keys: Map<string, KeyTree>;
  /** The text after `key:` on its own line (a flow value such as `[a, b]`), if any. */
  value: string;
}

/**
 * The block-mapping keys of the YAML file as a tree — enough to read path, method and property names of the
 * formatted openapi.yaml without a YAML library: flow values (`{ … }`, `[ … ]`) stay text, list items and the lines
 * of block scalars (`|`) are skipped.
 */
function keyTree(text: string): KeyTree {
  const root: KeyTree = { keys: new Map(), value: '' };
  const stack: { indent: number; node: KeyTree }[] = [{ indent: -1, node: root }];
  let scalarIndent: number | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (scalarIndent !== undefined) {
      if (indent > scalarIndent) continue;
      scalarIndent = undefined;
    }
    const match = /^( *)("[^"]+"|[^\s:"{[-][^:]*?):(?: (.*))?$/.exec(line);
    if (!match) continue;
    const key = (match[2] as string).replace(/^"(.*)"$/, '$1');
    const value = (match[3] ?? '').trim();
    while ((stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const node: KeyTree = { keys: new Map(), value };
    (stack.at(-1) as { node: KeyTree }).node.keys.set(key, node);
    stack.push({ indent, node });
    if (value === '|' || value === '>' || value === '|-' || value === '>-') scalarIndent = indent;
  }
  return root;
}

function at(tree: KeyTree, ...path: string[]): KeyTree {
  let node = tree;
  for (const key of path) {
    const next = node.keys.get(key);
    if (!next) throw new Error(`openapi.yaml has no ${path.join(' → ')}`);
    node = next;
  }
  return node;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const spec = keyTree(OPENAPI);

describe('openapi.yaml', () => {
  it('describes every route the app serves, and only those (method and path)', () => {
    // Registering routes touches no database.
    const app = createApp({ db: { forOffice: () => ({}) } as unknown as Database });
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set<string>();
    for (const [path, item] of at(spec, 'paths').keys) {
      for (const method of item.keys.keys()) if (METHODS.has(method)) described.add(`${method.toUpperCase()} ${path}`);
    }
    expect(served.size).to.be.greaterThan(15);
    expect(
      [...served].filter((r) => !described.has(r)),
      'served but not in openapi.yaml',
    ).to.deep.equal([]);
    expect(
      [...described].filter((r) => !served.has(r)),
      'in openapi.yaml but not served',
    ).to.deep.equal([]);
  });

  it('states who may call each route, as access.ts declares it', () => {
    // How openapi.yaml states each kind of caller: its security requirement, and the roles a session needs.
    const counter = { security: '[{ counter: [] }, { session: [] }]' };
    const stated: Partial<Record<RouteCaller, { security: string; roles?: string }>> = {
      anyone: { security: '' },
      kiosk: { security: '[{ kiosk: [] }]' },
      counter,
      'this-counter': counter,
      officer: { security: '[{ session: [] }]', roles: '[officer]' },
      'signed-in': { security: '[{ session: [] }]' },
      leader: { security: '[{ session: [] }]', roles: '[leader, admin]' },
      admin: { security: '[{ session: [] }]', roles: '[admin]' },
      // Public, or a paired board where the office keeps its board private.
      board: { security: '[{}, { board: [] }]' },
    };
    // A public route may also name an optional credential (`[{}, …]`): a counter rating's counter credential.
    const optional = (security: string) => security.startsWith('[{},');
    const wrong: string[] = [];
    for (const [route, who] of Object.entries(ROUTE_ACCESS)) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = at(spec, 'paths', path.replace(/:(\w+)/g, '{$1}'), method.toLowerCase());
      const expected = stated[who];
      if (!expected) {
        wrong.push(`${route}: say here how openapi.yaml states the caller kind ${who}`);
        continue;
      }
      const security = operation.keys.get('security')?.value ?? '';
      const roles = operation.keys.get('x-motcua-roles')?.value;
      const matches = security === expected.security || (who === 'anyone' && optional(security));
      if (!matches || roles !== expected.roles) {
        wrong.push(`${route} (${who}): security ${security || 'none'}, roles ${roles ?? 'none'}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('describes the dossier and notification inputs with the fields and required fields of their zod schemas', () => {
    const pairs = [
      [DOSSIER_INPUTS.receive, 'ReceiveDossier'],
      [DOSSIER_INPUTS.step, 'DossierStepInput'],
      [NOTIFICATION_INPUTS.pushRenewal, 'PushRenewalInput'],
    ] as const;
    for (const [schema, name] of pairs) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
        properties: Record<string, unknown>;
        required?: string[];
      };
      const described = at(spec, 'components', 'schemas', name);
      expect([...at(described, 'properties').keys.keys()].sort(), name).to.deep.equal(
        Object.keys(json.properties).sort(),
      );
      const required = at(described, 'required')
        .value.replace(/[[\]\s]/g, '')
        .split(',')
        .filter(Boolean);
      expect(required.sort(), `${name} required`).to.deep.equal([...(json.required ?? [])].sort());
    }
    const query = z.toJSONSchema(DOSSIER_INPUTS.onTimeQuery, { io: 'input' }) as { properties: object };
    const block = OPENAPI.slice(OPENAPI.indexOf('  /api/reports/on-time:'));
    const parameters = block.slice(0, block.indexOf('responses:'));
    const names = [...parameters.matchAll(/name: (\w+)/g)].map((m) => m[1]);
    expect(names.sort()).to.deep.equal(Object.keys(query.properties).sort());
  });

  it('describes the board and the ticket with the fields core’s wire contract produces', async () => {
    let now = Date.UTC(2026, 10, 23, 1, 0);
    const queue = createQueue({
      services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
      counters: [{ id: '1', services: ['ho-tich'] }],
      clock: () => now,
    });
    await queue.issue('ho-tich');
    now += 60_000;
    const called = await queue.callNext('1');
    if (!called) throw new Error('nobody was called');
    // Every optional field set, as JSON carries the ticket when it has them.
    const { history: _history, ...view } = { ...called, session: 's', servingAt: 1, endedAt: 1, transferredFrom: 't' };
    const full = { ...view, transferredTo: 't', dossier: 'd' };
    const board = buildBoard({
      office: { id: 'xa', name: { vi: 'Xã', en: 'Commune' } },
      businessDate: called.businessDate,
      version: 2,
      counters: queue.config.counters.values(),
      services: queue.config.services.values(),
      tickets: await queue.store.tickets(called.businessDate),
    });
    const counter = board.counters[0];
    const line = board.services?.[0];
    const shown = board.recent[0];
    if (!counter || !line || !shown) throw new Error('the board is empty');
    const properties = (...path: string[]) => [...at(spec, 'components', 'schemas', ...path, 'properties').keys.keys()];
    const snapshot = at(spec, 'components', 'schemas', 'BoardSnapshot', 'properties');
    const itemsOf = (name: string) => [...at(snapshot, name, 'items', 'properties').keys.keys()];
    expect(properties('Ticket').sort(), 'Ticket').to.deep.equal(Object.keys(full).sort());
    expect(properties('BoardTicket').sort(), 'BoardTicket').to.deep.equal(Object.keys(shown).sort());
    const followed: Required<FollowedNumber> = {
      ticket: shown,
      wait: await queue.estimateWait((await queue.issue('ho-tich')).id),
    };
    expect(properties('FollowedNumber').sort(), 'FollowedNumber').to.deep.equal(Object.keys(followed).sort());
    expect(properties('BoardSnapshot').sort(), 'BoardSnapshot').to.deep.equal(Object.keys(board).sort());
    expect(itemsOf('counters').sort(), 'BoardSnapshot counters').to.deep.equal(Object.keys(counter).sort());
    expect(itemsOf('services').sort(), 'BoardSnapshot services').to.deep.equal(Object.keys(line).sort());
  });

  it('describes the webhook body with the fields a status notice has', () => {
    // Every optional field set: a step with its counter and reason, a result, a status page.
    const notice = {
      id: 'n0',
      ...noticeOf(
        {
          code: '000.00.00.H00-261205-0001',
          procedureCode: '1.004194',
          procedureName: 'Đăng ký tạm trú',
          receivedAt: '2026-12-05T08:00:00+07:00',
          dueAt: '2026-12-10T08:00:00+07:00',
          status: 'resolved',
          steps: [{ type: 'resolved', at: '2026-12-07T08:00:00+07:00', counter: '1', reason: 'r' }],
          slip: { agency: 'UBND xã Mẫu', receivedBy: 'Cán bộ' } as never,
        },
        'demo',
        'https://xa.gov.vn/tra-cuu?ma={code}',
      ),
    };
    const schema = at(spec, 'components', 'schemas', 'DossierStatusNotice');
    expect([...at(schema, 'properties').keys.keys()].sort()).to.deep.equal(Object.keys(notice).sort());
    expect([...at(schema, 'properties', 'dossier', 'properties').keys.keys()].sort()).to.deep.equal(
      Object.keys(notice.dossier).sort(),
    );
    expect(at(spec, 'webhooks', 'dossierStatusChanged', 'post').keys.has('requestBody')).to.equal(true);
  });

  it('describes the queue report with the fields and parameters the report has', async () => {
    const db = await openPglite();
    try {
      await migrate(db);
      const report = await queueReport(db, { office: 'xa', from: '2026-11-01', to: '2026-11-30' });
      const properties = (name: string) => [...at(spec, 'components', 'schemas', name, 'properties').keys.keys()];
      expect(properties('QueueReport').sort()).to.deep.equal(Object.keys(report).sort());
      expect(properties('QueueGroupStatistics').sort()).to.deep.equal(Object.keys(report.overall).sort());
      expect(properties('DurationSummary').sort()).to.deep.equal(Object.keys(report.overall.wait).sort());
    } finally {
      await db.close();
    }
    const query = z.toJSONSchema(queueReportQuery, { io: 'input' }) as { properties: object };
    const block = OPENAPI.slice(OPENAPI.indexOf('  /api/reports/queue:'));
    const parameters = block.slice(0, block.indexOf('responses:'));
    expect([...parameters.matchAll(/name: (\w+)/g)].map((m) => m[1]).sort()).to.deep.equal(
      Object.keys(query.properties).sort(),
    );
  });

  it('describes the scorecard report with the fields and parameters the report has', async () => {
    const db = await openPglite();
    try {
      await migrate(db);
      const report = await scorecardReport(
        db,
        { office: 'xa', now: Date.UTC(2026, 10, 1) },
        { calendar: vietnamCalendar() },
        vietnamIso,
      );
      const properties = (...path: string[]) => [
        ...at(spec, 'components', 'schemas', ...path, 'properties').keys.keys(),
      ];
      expect(properties('ScorecardReport').sort()).to.deep.equal(Object.keys(report).sort());
      const measured = report.indicators.find((i) => i.id === '5.4');
      expect(properties('ScorecardIndicatorLine').sort()).to.deep.equal(Object.keys(measured ?? {}).sort());
      expect(properties('ScorecardReport', 'properties', 'total').sort()).to.deep.equal(
        Object.keys(report.total).sort(),
      );
      expect(properties('ScorecardReport', 'properties', 'groups', 'items').sort()).to.deep.equal(
        Object.keys(report.groups[0] ?? {}).sort(),
      );
    } finally {
      await db.close();
    }
    const query = z.toJSONSchema(DOSSIER_INPUTS.scorecardQuery, { io: 'input' }) as { properties: object };
    const block = OPENAPI.slice(OPENAPI.indexOf('  /api/reports/scorecard:'));
    const parameters = block.slice(0, block.indexOf('responses:'));
    expect([...parameters.matchAll(/name: (\w+)/g)].map((m) => m[1]).sort()).to.deep.equal(
      Object.keys(query.properties).sort(),
    );
  });
});

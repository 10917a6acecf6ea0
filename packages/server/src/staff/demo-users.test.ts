import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { DEMO_OFFICE, demoOffice, parseOffice } from '../office/office.js';
import { listAudit } from './audit-store.js';
import { DEMO_USERS, ensureDemoUsers } from './demo-users.js';
import { verifyPassword } from './passwords.js';
import { listUsers } from './users-store.js';

describe('demo users', () => {
  it('exist in demo mode only: created once, and disabled when a configured office finds them', async () => {
    const db = await (TEST_DATABASES[0] as (typeof TEST_DATABASES)[number]).open();
    try {
      await migrate(db);
      const now = Date.UTC(2026, 11, 4, 1, 0);
      expect((await ensureDemoUsers(db, demoOffice(), now)).map((u) => u.username)).to.deep.equal([
        'admin',
        'lanhdao',
        'canbo1',
        'canbo2',
      ]);
      await ensureDemoUsers(db, demoOffice(), now);
      const users = await listUsers(db, 'demo');
      expect(users.map((u) => [u.username, u.roles.join()])).to.deep.equal([
        ['admin', 'admin'],
        ['canbo1', 'officer'],
        ['canbo2', 'officer'],
        ['lanhdao', 'leader'],
      ]);
      const admin = users[0];
      expect(await verifyPassword('demo-admin', admin?.passwordHash ?? '')).to.equal(true);

      // The same database under a configured office that kept the demo office's id: the public passwords stop working.
      const configured = parseOffice({ ...DEMO_OFFICE, kiosks: [{ id: 'kiosk', token: 'k'.repeat(40) }] });
      expect(configured.demo).to.equal(false);
      expect(await ensureDemoUsers(db, configured, now)).to.have.length(DEMO_USERS.length);
      expect((await listUsers(db, 'demo')).every((u) => u.disabled)).to.equal(true);
      expect(await ensureDemoUsers(db, configured, now)).to.deep.equal([]);
      const actions = (await listAudit(db, { office: 'demo', from: 0, to: now + 1, limit: 20 })).map((e) => e.action);
      expect(actions).to.deep.equal([...Array(4).fill('user.create'), ...Array(4).fill('user.disable')]);

      const elsewhere = parseOffice({ ...DEMO_OFFICE, id: 'xa-an-binh' });
      expect(await ensureDemoUsers(db, elsewhere, now)).to.deep.equal([]);
      expect(await listUsers(db, 'xa-an-binh')).to.deep.equal([]);
    } finally {
      await db.close();
    }
  });
});

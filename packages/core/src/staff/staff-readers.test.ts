import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import { readAuditEntry } from './audit.js';
import { isStaffRole, readStaffRoles, STAFF_ROLES } from './roles.js';
import { readSessionView } from './session.js';
import { readUserView } from './users.js';

const session = {
  user: { id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An' },
  office: 'demo',
  roles: ['officer'],
  expiresAt: '2026-12-04T10:00:00.000Z',
  idleExpiresAt: '2026-12-04T02:30:00.000Z',
};

describe('staff roles', () => {
  it('know the three roles and leave unknown ones out', () => {
    expect(STAFF_ROLES).to.deep.equal(['officer', 'leader', 'admin']);
    expect(Object.isFrozen(STAFF_ROLES)).to.equal(true);
    expect(isStaffRole('leader')).to.equal(true);
    expect(isStaffRole('Admin')).to.equal(false);
    expect(readStaffRoles(['admin', 'auditor', 3, 'officer'])).to.deep.equal(['admin', 'officer']);
    expect(readStaffRoles('admin')).to.equal(undefined);
  });
});

describe('a session view', () => {
  it('reads what the server answers, through JSON', () => {
    expect(readSessionView(JSON.parse(JSON.stringify(session)))).to.deep.equal(session);
    expect(readSessionView({ ...session, roles: ['officer', 'superuser'] })?.roles).to.deep.equal(['officer']);
  });

  it('refuses an answer missing any required field', () => {
    for (const key of Object.keys(session)) {
      const { [key]: _, ...rest } = session as Record<string, unknown>;
      expect(readSessionView(rest), key).to.equal(undefined);
    }
    for (const key of Object.keys(session.user)) {
      const { [key]: _, ...user } = session.user as Record<string, unknown>;
      expect(readSessionView({ ...session, user }), `user.${key}`).to.equal(undefined);
    }
    expect(readSessionView(null)).to.equal(undefined);
    expect(readSessionView({ ...session, expiresAt: 1 })).to.equal(undefined);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = readSessionView(value);
        if (read) expect(read.roles.every(isStaffRole)).to.equal(true);
      }),
    );
  });
});

describe('a user view', () => {
  it('reads a user of the list and refuses one without its state', () => {
    const user = { ...session.user, roles: ['admin'], disabled: false, createdAt: '2026-12-01T01:00:00.000Z' };
    expect(readUserView(JSON.parse(JSON.stringify(user)))).to.deep.equal(user);
    expect(readUserView({ ...user, passwordHash: 'x' })).to.not.have.property('passwordHash');
    expect(readUserView({ ...user, disabled: 'no' })).to.equal(undefined);
    expect(readUserView({ ...user, roles: undefined })).to.equal(undefined);
    expect(readUserView({ ...user, createdAt: undefined })).to.equal(undefined);
    expect(readUserView([])).to.equal(undefined);
  });
});

describe('an audit entry', () => {
  const entry = {
    id: '17',
    at: '2026-12-04T01:02:03.000Z',
    actor: { kind: 'user', id: 'u1', name: 'Nguyễn Văn An' },
    action: 'queue.call',
    object: 'ticket:t1',
    address: '192.0.2.7',
    counter: '1',
    detail: { number: 'A001' },
  };

  it('reads a line of the trail, keeping only well-formed optional fields', () => {
    expect(readAuditEntry(JSON.parse(JSON.stringify(entry)))).to.deep.equal(entry);
    expect(readAuditEntry({ ...entry, counter: 1, detail: ['x'], actor: { kind: 'anonymous', id: 4 } })).to.deep.equal({
      id: '17',
      at: entry.at,
      actor: { kind: 'anonymous' },
      action: 'queue.call',
      object: 'ticket:t1',
      address: '192.0.2.7',
    });
  });

  it('refuses a line without its id, time, actor or action', () => {
    expect(readAuditEntry({ ...entry, actor: { kind: 'robot' } })).to.equal(undefined);
    expect(readAuditEntry({ ...entry, actor: undefined })).to.equal(undefined);
    expect(readAuditEntry({ ...entry, id: 17 })).to.equal(undefined);
    expect(readAuditEntry({ ...entry, at: undefined })).to.equal(undefined);
    expect(readAuditEntry({ ...entry, action: null })).to.equal(undefined);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void readAuditEntry(value)));
  });
});

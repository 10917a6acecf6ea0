// The built server started as `motcua-server start` starts it (the same configuration from the environment), on a
// clock that starts at MOTCUA_E2E_CLOCK_START and runs at real speed from there: an end-to-end test's chosen day.
import { loadConfig, startServer } from '../../packages/server/dist/index.js';

const start = Date.parse(process.env.MOTCUA_E2E_CLOCK_START ?? '');
if (Number.isNaN(start)) throw new Error('MOTCUA_E2E_CLOCK_START: an ISO 8601 instant');
const began = Date.now();
const server = await startServer(loadConfig(), { now: () => start + (Date.now() - began) });
console.log(`motcua-server: ${server.url} (${server.db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'})`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

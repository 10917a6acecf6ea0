import type { ServerConfig } from '../config.js';
import { DEMO_OFFICE } from '../office/office.js';

/**
 * A server configuration for the province tests: loopback on a free port, the database given to `startServer`
 * (`databaseUrl` only says PostgreSQL), the demo office as the configuration's default, no static files; `overrides`
 * add the offices, the catalogue and what else a test needs.
 *
 * @example
 * ```ts
 * const server = await startServer(provinceConfig(dir, { offices }), { db });
 * ```
 */
export function provinceConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'postgres://unused',
    dataDir,
    secret: 'x'.repeat(40),
    tls: undefined,
    allowedOrigins: [],
    catalogue: undefined,
    static: [],
    office: DEMO_OFFICE as never,
    ...overrides,
  };
}

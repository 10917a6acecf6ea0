// `node:test` in the browser: core's tests import describe/it from node:test; under
// @web/test-runner they run on mocha's globals instead. Test functions take no arguments
// (mocha would read one as a `done` callback), so each is wrapped.
const wrap = (register) => (name, fn) => register(name, fn && (() => fn()));
export const describe = (name, fn) => globalThis.describe(name, fn);
export const it = wrap(globalThis.it);
export const test = it;
export const before = (fn) => globalThis.before(() => fn());
export const after = (fn) => globalThis.after(() => fn());
export const beforeEach = (fn) => globalThis.beforeEach(() => fn());
export const afterEach = (fn) => globalThis.afterEach(() => fn());

/**
 * `@motcua/core`: the logic of Vietnam's one-stop shops, with no DOM and no Node-only APIs.
 * Each room is also its own subpath export (`@motcua/core/calendar`, `@motcua/core/text`, …),
 * so a page pays only for what it imports.
 *
 * @packageDocumentation
 */
export * from './calendar/index.js';
export * from './catalogue/index.js';
export * from './deadline/index.js';
export * from './queue/index.js';
export * from './satisfaction/index.js';
export * from './staff/index.js';
export * from './text/index.js';

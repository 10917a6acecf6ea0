// Test support for <motcua-procedure-list>'s test files: reading its shadow DOM and following the URL hash.
import type { MotcuaProcedureList } from './procedure-list.js';

/** The element's shadow root. */
export const shadow = (el: MotcuaProcedureList) => el.shadowRoot as ShadowRoot;

/** A node's text with its white space collapsed. */
export const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The procedure links of the list shown. */
export const items = (el: MotcuaProcedureList) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="item"]')];

/** Resolves at the next `hashchange`. */
export async function hashChanged(): Promise<void> {
  await new Promise((resolve) => globalThis.addEventListener('hashchange', resolve, { once: true }));
}

/** Leaves the page's URL without a hash, as before a test. */
export function clearHash(): void {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
}

import { adoptStyles, type CSSResult, type LitElement } from 'lit';
import type { StringTable } from './i18n.js';

/**
 * What a lazily loaded part of an element does when it arrives: its styles adopted beside the element's, and its
 * strings joined to the element's own (override any with `strings` or `configure`, as the element's); the element
 * re-renders with them.
 *
 * @example
 * ```ts
 * // in the part, loaded with import():
 * export const installFollow = <K extends string>(host: LitElement, own: StringTable<K>) =>
 *   installPart(host, own, followStrings, followStyles);
 * // in the element:
 * this.defaultStrings = part.installFollow(this, this.defaultStrings);
 * ```
 */
export function installPart<K extends string, P extends string>(
  host: LitElement,
  own: StringTable<K>,
  strings: StringTable<P>,
  styles: CSSResult,
): StringTable<K | P> {
  if (host.shadowRoot) adoptStyles(host.shadowRoot, [...(host.constructor as typeof LitElement).elementStyles, styles]);
  host.requestUpdate();
  return { vi: { ...own.vi, ...strings.vi }, en: { ...own.en, ...strings.en } };
}

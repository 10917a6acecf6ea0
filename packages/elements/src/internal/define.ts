/**
 * Registers a custom element unless the tag is already taken, so that a page that loads two
 * copies of the bundle (a CMS plugin and a hand-written script tag, say) never throws.
 *
 * @example
 * ```ts
 * defineElement('motcua-calendar-day', MotcuaCalendarDay);
 * ```
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, element);
}

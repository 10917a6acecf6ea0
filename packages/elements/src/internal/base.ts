import { isJsonObject } from '@motcua/core/text';
import { LitElement, type PropertyDeclaration } from 'lit';
import { CONFIG_CHANGE_EVENT, getConfig } from './config.js';
import { property } from './decorators.js';
import { format, type Language, type StringTable, toLanguage } from './i18n.js';
import { baseStyles } from './styles.js';

/**
 * The detail of a custom event the page's `HTMLElementEventMap` declares: `EventDetail<'motcua-select'>` is the
 * procedure list's `ProcedureSelectDetail`.
 *
 * @example
 * ```ts
 * const detail: EventDetail<'motcua-ticket-change'> = { number: 'A012', status: 'issued', near: false };
 * ```
 */
export type EventDetail<E extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[E] extends CustomEvent<infer D> ? D : never;

/** Per-instance string overrides: `{ en: { label: 'Today' } }`. */
export type StringsOverride<K extends string> = Partial<Record<Language, Partial<Record<K, string>>>>;

/** Reads the `strings` attribute as JSON; a malformed value is reported and ignored, never thrown. */
const stringsConverter: PropertyDeclaration['converter'] = {
  fromAttribute(value: string | null) {
    if (!value) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (isJsonObject(parsed)) return parsed;
    } catch {
      // reported below
    }
    console.warn(
      'motcua: thuộc tính strings phải là JSON dạng {"vi": {...}, "en": {...}} / the strings attribute must be JSON like {"vi": {...}, "en": {...}}',
    );
    return {};
  },
};

/** Elements that follow `<html lang>` and the global configuration. */
const connected = new Set<MotcuaElement<string>>();
let htmlObserver: MutationObserver | undefined;
function refreshAll(): void {
  for (const element of connected) element.requestUpdate();
}
function watchPage(): void {
  if (htmlObserver || typeof MutationObserver === 'undefined') return;
  htmlObserver = new MutationObserver(refreshAll);
  htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  globalThis.addEventListener(CONFIG_CHANGE_EVENT, refreshAll);
}

/**
 * The base of every motcua element: language (`lang` on the element, else the nearest ancestor's or
 * `<html lang>`, else the configured language, else Vietnamese), overridable strings (per instance through
 * the `strings` property or attribute, per page through `configure`), and the shared base styles.
 *
 * @typeParam K - the keys of the element's strings.
 */
export abstract class MotcuaElement<K extends string> extends LitElement {
  /** The shared base styles; subclasses add their own. */
  static override styles = [baseStyles];

  /** `vi` or `en`; when empty, the nearest ancestor's `lang`, then `<html lang>`, then the configuration decide. */
  @property({ reflect: true }) override lang = '';

  /** Strings that override the element's own, per language, e.g. `{ "en": { "label": "Today" } }`. */
  @property({ converter: stringsConverter }) strings: StringsOverride<K> = {};

  /** The element's own strings in every language. */
  protected abstract readonly defaultStrings: StringTable<K>;

  /** The language the element speaks now. */
  get language(): Language {
    return (
      toLanguage(this.lang) ??
      toLanguage(this.parentElement?.closest('[lang]')?.getAttribute('lang')) ??
      toLanguage(document.documentElement.lang) ??
      getConfig().lang
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchPage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /**
   * A string in the element's language, with `{name}` placeholders filled: the instance's override first,
   * then the page's (`configure`), then the element's own.
   */
  protected t(key: K, params?: Readonly<Record<string, string | number>>): string {
    const lang = this.language;
    const template =
      this.strings[lang]?.[key] ??
      getConfig().strings[this.localName]?.[lang]?.[key] ??
      this.defaultStrings[lang][key] ??
      this.defaultStrings.vi[key];
    return format(template, params);
  }

  /**
   * Dispatches a composed, bubbling, cancelable custom event, typed by its entry in `HTMLElementEventMap` (each element
   * declares the events it fires in its `<name>.events.ts`): an event without an entry, or a detail of another shape,
   * does not compile.
   */
  protected emit<E extends keyof HTMLElementEventMap>(type: E, detail: EventDetail<E>): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

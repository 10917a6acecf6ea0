import type { GatewayChannel } from './settings.js';

/** The values a gateway template's placeholders stand for. */
export type TemplateValues = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** A JSON string's content (no quotes): the placeholder stands inside a string of the template. */
function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Fills a template's placeholders, each escaped for where it stands: `uri` (a URL: percent-encoded), `json` (inside
 * a JSON string), `form` (a form field) or `text` (as is).
 *
 * @example
 * ```ts
 * fillTemplate('{"to":"{{phone}}","text":"{{text}}"}', { phone: '0905', text: 'Hồ sơ "A"\n' }, 'json');
 * // '{"to":"0905","text":"Hồ sơ \\"A\\"\\n"}'
 * ```
 */
export function fillTemplate(template: string, values: TemplateValues, mode: 'uri' | 'json' | 'form' | 'text'): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name] ?? '';
    if (mode === 'uri' || mode === 'form') return encodeURIComponent(value);
    if (mode === 'json') return jsonEscaped(value);
    return value;
  });
}

const CONTENT_TYPES: Record<GatewayChannel['format'], string> = {
  json: 'application/json; charset=utf-8',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
};

/**
 * The request a gateway channel makes for one message: its URL and body filled in, its headers as configured (with
 * the `Content-Type` of its format unless they set one).
 *
 * @example
 * ```ts
 * const req = gatewayRequest(channel, { phone: '0905000000', text: 'Hồ sơ …', reference: 'n1f3a…' });
 * ```
 */
export function gatewayRequest(
  channel: GatewayChannel,
  values: TemplateValues,
): { url: string; method: string; headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = { ...channel.headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if (channel.body !== undefined && !hasType) headers['content-type'] = CONTENT_TYPES[channel.format];
  return {
    url: fillTemplate(channel.url, values, 'uri'),
    method: channel.method,
    headers,
    ...(channel.body === undefined ? {} : { body: fillTemplate(channel.body, values, channel.format) }),
  };
}

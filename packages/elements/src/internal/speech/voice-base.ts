import { VOICE_ASSETS } from './voice-assets.js';

/**
 * Where recorded clips are fetched from when an element is not told (`voice-base`): the page's
 * `<meta name="motcua:voice-base" content="…">`, else the clips shipped with the package (next to the CDN build,
 * `dist/cdn/voice/`, or `assets/voice/` for a bundler).
 *
 * @example
 * ```ts
 * const engine = autoEngine({ baseUrl: defaultVoiceBase() });
 * ```
 */
export function defaultVoiceBase(): string {
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="motcua:voice-base"]')?.content;
  return meta ? new URL(meta, document.baseURI).href : VOICE_ASSETS;
}

/**
 * The folder of the recorded clips shipped with the package (`assets/voice/`), as a URL. The CDN build replaces this
 * module with the URL of its own copy (`dist/cdn/voice/`), wherever the chunk that reads it lands.
 */
export const VOICE_ASSETS: string = new URL('../../../assets/voice/', import.meta.url).href;

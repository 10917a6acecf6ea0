/**
 * Whether the browser will play sound without a further user gesture: the page has had one already (sticky user
 * activation), or the browser says autoplay is allowed (Firefox's `navigator.getAutoplayPolicy`). A kiosk started
 * with Chromium's `--autoplay-policy=no-user-gesture-required` is allowed from the start.
 *
 * @example
 * ```ts
 * if (!soundAllowed()) showEnableSoundButton();
 * ```
 */
export function soundAllowed(): boolean {
  const nav = globalThis.navigator as
    | (Navigator & { getAutoplayPolicy?: (type: string) => string; userActivation?: { hasBeenActive: boolean } })
    | undefined;
  if (nav?.getAutoplayPolicy?.('mediaelement') === 'allowed') return true;
  return nav?.userActivation?.hasBeenActive === true;
}

/** What has been taken from the address bar, so that every element on the page still finds it. */
let taken: Record<string, string> = {};

/**
 * The one place that removes secrets from the page address: reads the named query parameters (the rating token
 * `t`, the lookup `pin`) and removes them from the address bar with `history.replaceState`, keeping every other
 * parameter and the hash, so that they are not bookmarked, shared, printed or copied into the QR codes and links
 * the widgets make. What it took is remembered for the page's other elements.
 *
 * @example
 * ```ts
 * // On /danh-gia.html?t=r1.abc#form
 * secretFromAddress('t'); // 'r1.abc'; the address bar now shows /danh-gia.html#form
 * ```
 */
export function secretFromAddress(name: string): string {
  const url = new URL(location.href);
  const value = url.searchParams.get(name);
  if (value) {
    taken[name] = value;
    url.searchParams.delete(name);
    history.replaceState(history.state, '', url);
  }
  return taken[name] ?? '';
}

/** Forgets what was taken (tests that change the address). @internal */
export function forgetAddressSecrets(): void {
  taken = {};
}

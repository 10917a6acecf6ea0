import { createHash } from 'node:crypto';
import type { LocalizedText } from '@motcua/core/text';

/** The page's only style (44 px button, readable width), allowed by its hash rather than by `unsafe-inline`. */
const STYLE =
  'body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem}' +
  'button{min-height:44px;min-width:44px;padding:.5rem 1rem;font:inherit}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** `&`, `<`, `>`, `"` and `'` as HTML entities. */
function escaped(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

/** The page's policy: no script, only its own style, no frame; the form posts back to this server only. */
export const UNSUBSCRIBE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/**
 * The tiny page of a citizen's unsubscribe link, in Vietnamese with English, every text escaped: the dossier's code,
 * a message, and (to confirm) a button that POSTs the RFC 8058 form body back to the same address (the form has no
 * `action`, so it keeps the link's token in the query). No script: a mail scanner following the link stops nothing.
 *
 * @example
 * ```ts
 * c.html(unsubscribePage({ code, message: { vi: '…', en: '…' }, confirm: true }));
 * ```
 */
export function unsubscribePage(page: {
  readonly code: string;
  readonly message: LocalizedText;
  readonly confirm: boolean;
}): string {
  const form = page.confirm
    ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">Ngừng nhận thông báo / Stop the notices</button></form>`
    : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Thông báo hồ sơ / Dossier notices</title><style>${STYLE}</style></head>
<body><main>
<h1>Hồ sơ ${escaped(page.code)}</h1>
<p>${escaped(page.message.vi)}</p>
<p lang="en">${escaped(page.message.en)}</p>
${form}
</main></body></html>
`;
}

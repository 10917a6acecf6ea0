import { formatPath, type Problem, problem } from '@motcua/core/text';
import type { Office } from './office.js';

/** The shortest static token accepted outside the demo office: as long as a paired credential's 32 bytes. */
export const MIN_STATIC_TOKEN_LENGTH = 32;

/** Where a static token is written: its path, and the file when the configuration named it. */
const placeOf = (t: Office['staticTokens'][number], inFile: string) =>
  t.source === undefined ? formatPath(t.path) : `${formatPath(t.path)} ${inFile} ${t.source}`;

/**
 * The office's static tokens shorter than {@link MIN_STATIC_TOKEN_LENGTH} characters, each a problem at its path
 * naming the file it is written in — none for the demo office, whose public tokens serve demonstrations only. A short
 * token can be guessed; the service refuses to start with one.
 *
 * @example
 * ```ts
 * staticTokenProblems(loadConfig(process.env).office); // [] when every token is long enough
 * ```
 */
export function staticTokenProblems(office: Office): Problem[] {
  if (office.demo) return [];
  return office.staticTokens
    .filter((t) => t.length < MIN_STATIC_TOKEN_LENGTH)
    .map((t) =>
      problem(t.path, 'static-token-too-short', {
        vi: `Mã truy cập tĩnh ${placeOf(t, 'trong')} chỉ có ${t.length} ký tự; cần ít nhất ${MIN_STATIC_TOKEN_LENGTH} (tạo bằng \`openssl rand -base64 32\`), hoặc xóa nó và ghép nối thiết bị`,
        en: `The static token ${placeOf(t, 'in')} has only ${t.length} characters; it needs at least ${MIN_STATIC_TOKEN_LENGTH} (make one with \`openssl rand -base64 32\`), or remove it and pair the device`,
      }),
    );
}

/**
 * One line per static token of the office, naming where it is written (its path and file, never the token), said at start: static
 * tokens keep working, but a paired device's credential can be revoked alone and is never written in a file or a
 * page. None for the demo office.
 *
 * @example
 * ```ts
 * for (const line of staticTokenWarnings(config.office)) console.warn(line);
 * ```
 */
export function staticTokenWarnings(office: Office): string[] {
  if (office.demo) return [];
  return office.staticTokens.map(
    (t) =>
      `motcua-server: ${placeOf(t, 'in')}: là mã truy cập tĩnh; hãy ghép nối thiết bị thay thế / is a static token; pair the device instead (docs/guides/devices.en.md)`,
  );
}

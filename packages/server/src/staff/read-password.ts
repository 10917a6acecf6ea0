// Reading a password at the server's console: from the terminal without echo (asked twice), or the first line of
// standard input when it is piped (`printf '%s\n' "$PASSWORD" | motcua-server users add …`). Never an argument.

function askHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('Đã hủy / cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? Array.from(value).slice(0, -1).join('') : value + ch;
      }
    };
    input.on('data', onData);
  });
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return (text.split('\n')[0] ?? '').replace(/\r$/, '');
}

/**
 * Reads a password: without echo, twice, from a terminal; else the first line of standard input.
 *
 * @example
 * ```ts
 * const password = await readPassword('Password: ');
 * ```
 */
export async function readPassword(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  if (!input.isTTY) return firstLine(input);
  const first = await askHidden(prompt, input, output);
  const again = await askHidden('Nhập lại / again: ', input, output);
  if (first !== again) throw new Error('Hai lần nhập không khớp / the two entries differ');
  return first;
}

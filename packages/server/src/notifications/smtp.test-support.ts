// Test support: a real SMTP server (the smtp-server package) on loopback, with password authentication, that keeps
// every message it accepts and the first of each Message-ID, as a mail system deduplicating on it does.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One accepted message, its headers and its text body decoded. */
export interface Mail {
  readonly from: string;
  readonly to: readonly string[];
  readonly user: string | undefined;
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
}

export interface SmtpStandIn {
  readonly port: number;
  readonly mails: Mail[];
  readonly unique: Map<string, Mail>;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?(.*?)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Parses a single-part message (what the notifications send). */
function parse(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const text = decodeBody(raw.slice(split + 4), headers.get('content-transfer-encoding')?.toLowerCase());
  return { headers, text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/** Starts the server on loopback; it accepts only `user` / `password`. */
export async function startSmtp(user: string, password: string): Promise<SmtpStandIn> {
  const mails: Mail[] = [];
  const unique = new Map<string, Mail>();
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { headers, text } = parse(Buffer.concat(chunks).toString('latin1'));
        const mail: Mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          headers,
          subject: decodeWords(headers.get('subject') ?? ''),
          text,
        };
        mails.push(mail);
        const id = headers.get('message-id');
        if (id && !unique.has(id)) unique.set(id, mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    unique,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

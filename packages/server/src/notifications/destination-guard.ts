import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses an outgoing notification must not reach unless the office allows private destinations: loopback,
 * private networks, link-local (cloud metadata services), carrier-grade NAT, multicast and reserved ranges, in IPv4
 * and IPv6 (IPv4-mapped IPv6 addresses are checked as IPv4).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/**
 * Whether an IP address is loopback, private, link-local or otherwise not a public destination.
 *
 * @example
 * ```ts
 * isPrivateAddress('127.0.0.1'); // true
 * isPrivateAddress('::ffff:10.0.0.1'); // true
 * isPrivateAddress('203.113.1.10'); // false
 * ```
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1] as string, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The error of a refused destination: its message names the host, never a secret. */
export class RefusedDestination extends Error {
  constructor(host: string, address: string) {
    super(`destination refused: ${host} is a private or loopback address (${address}); allowPrivateAddresses is off`);
    this.name = 'RefusedDestination';
  }
}

/**
 * A DNS lookup that refuses private addresses unless allowed: given to the socket, it checks the very address
 * connected to (a name that changes its answer between a check and the connection gains nothing).
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as { address: string; family: number }[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new RefusedDestination(hostname, refused.address), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The address to connect to for `host` (a name or an IP literal), refused when private and not allowed: for
 * clients that resolve names themselves (SMTP), which then connect to this address.
 *
 * @example
 * ```ts
 * await checkedAddress('smtp.example.vn', false); // '203.113.1.10'
 * await checkedAddress('127.0.0.1', false); // throws RefusedDestination
 * ```
 */
export async function checkedAddress(host: string, allowPrivate: boolean): Promise<string> {
  const literal = host.replace(/^\[|\]$/g, '');
  if (isIP(literal)) {
    if (!allowPrivate && isPrivateAddress(literal)) throw new RefusedDestination(host, literal);
    return literal;
  }
  return new Promise((resolve, reject) => {
    guardedLookup(allowPrivate)(host, {}, (error, address) => (error ? reject(error) : resolve(address as string)));
  });
}

/** An outgoing HTTP request to a configured destination. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
}

/** What a destination answered (the body cut to 2 000 characters). */
export interface OutgoingResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * Sends a request to a configured destination, guarded against server-side request forgery: private and loopback
 * addresses are refused unless allowed (checked on the address actually connected to, IP literals included), a
 * redirect is never followed (it is an answer like any other: the delivery fails), and the whole exchange has a
 * time limit.
 *
 * @example
 * ```ts
 * const res = await sendGuarded({ url, method: 'POST', headers, body, timeoutMs: 10_000, allowPrivate: false });
 * ```
 */
export async function sendGuarded(req: OutgoingRequest): Promise<OutgoingResponse> {
  const url = new URL(req.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Node's sockets skip the lookup for an IP literal: checked here.
  if (isIP(host) && !req.allowPrivate && isPrivateAddress(host)) throw new RefusedDestination(host, host);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<OutgoingResponse>((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: req.method,
        headers: {
          ...req.headers,
          ...(req.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.body)) }),
        },
        lookup: guardedLookup(req.allowPrivate),
        timeout: req.timeoutMs,
        signal: AbortSignal.timeout(req.timeoutMs),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < 2_000) body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, 2_000) }));
        res.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

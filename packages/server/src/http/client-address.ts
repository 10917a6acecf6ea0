import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** An address as `net.BlockList` checks it: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as IPv4. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } | undefined {
  let a = address.trim();
  if (a.startsWith('[') && a.includes(']'))
    a = a.slice(1, a.indexOf(']')); // [::1]:8080
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')); // 10.0.0.1:8080
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1] as string;
  const family = isIP(a);
  if (family === 4) return { address: a, family: 'ipv4' };
  if (family === 6) return { address: a, family: 'ipv6' };
  return undefined;
}

/**
 * Whether `entry` is something `trustProxy` accepts: an IPv4 or IPv6 address, a CIDR range (`10.0.0.0/8`,
 * `fd00::/8`) or `loopback`.
 *
 * @example
 * ```ts
 * isProxyEntry('192.168.1.0/24'); // true
 * isProxyEntry('proxy.local');    // false
 * ```
 */
export function isProxyEntry(entry: string): boolean {
  if (entry === 'loopback') return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d{1,3}$/.test(bits) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/** The socket address of a request on Node (`@hono/node-server` passes the incoming message as `env.incoming`). */
export function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * How the service finds the client address a rate limit counts (dossier lookups per client). With no trusted
 * proxy (the default) it is the socket's address and `X-Forwarded-For` is ignored — anyone can write that header.
 * When the commune puts the service behind its own reverse proxy, list the proxy's addresses in `trustProxy`
 * (config `trustProxy`, env `MOTCUA_TRUST_PROXY`, comma-separated): a request whose socket address is a trusted
 * proxy is counted on the right-most `X-Forwarded-For` hop that is not a trusted proxy (the address the
 * commune's proxy saw), never on the left-most hop a client could forge.
 *
 * @throws Error when an entry is not an address, a CIDR range or `loopback`.
 * @example
 * ```ts
 * const clientOf = clientAddress(['127.0.0.1', '10.0.0.0/8']);
 * clientOf(c); // '203.0.113.7' for a request from 127.0.0.1 with "X-Forwarded-For: 198.51.100.1, 203.0.113.7"
 * ```
 */
export function clientAddress(trustProxy: readonly string[] = []): (c: Context) => string {
  const trusted = new BlockList();
  for (const entry of trustProxy) {
    if (!isProxyEntry(entry)) throw new Error(`trustProxy: "${entry}" is not an IP address, a CIDR range or loopback`);
    if (entry === 'loopback') {
      trusted.addSubnet('127.0.0.0', 8, 'ipv4');
      trusted.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(bits), family);
  }
  const isTrusted = (address: string): boolean => {
    const n = normalise(address);
    return n !== undefined && trusted.check(n.address, n.family);
  };
  return (c) => {
    const socket = socketAddress(c);
    const peer = socket === undefined ? undefined : (normalise(socket)?.address ?? socket);
    if (trustProxy.length === 0 || peer === undefined || !isTrusted(peer)) return peer ?? 'unknown';
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      const n = normalise(hop);
      // Not an address: no trusted proxy wrote it, so the hop to its right is as far as the chain can be trusted.
      if (n === undefined) return i + 1 < hops.length ? (normalise(hops[i + 1] as string)?.address ?? peer) : peer;
      if (!trusted.check(n.address, n.family)) return n.address;
    }
    // Every hop is a trusted proxy: the left-most one is as far as the chain goes.
    const first = hops[0] === undefined ? undefined : normalise(hops[0]);
    return first?.address ?? peer;
  };
}

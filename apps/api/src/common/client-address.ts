import { BlockList, isIP } from 'node:net';

/**
 * Which peers may tell us the client's address in X-Forwarded-For (TRUST_PROXY). One rule for
 * Express (req.ip) and the Socket.IO handshake, so limits count the same person the same way.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; entries: string[]; list: BlockList };

/** Names Express also understands, spelled out as CIDRs so both sides agree. */
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Parses TRUST_PROXY: unset/"false" (no proxy), a hop count like "1", or comma-separated addresses/CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error(`TRUST_PROXY hop count must be 0 to 32 (got "${value}")`);
    return { kind: 'hops', hops };
  }
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const list = new BlockList();
  for (const entry of entries) {
    for (const cidr of NAMED[entry] ?? [entry]) {
      const [address, prefix] = cidr.split('/');
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (family === 0 || !/^\d*$/.test(prefix ?? '') || bits > (family === 6 ? 128 : 32)) {
        throw new Error(`TRUST_PROXY must be false, a hop count, or comma-separated addresses/CIDRs (bad entry "${entry}")`);
      }
      list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
    }
  }
  return { kind: 'list', entries, list };
}

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) counts as 10.0.0.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/** Is the hop `index` away from us (0: the TCP peer) a proxy we trust? Express calls this too. */
export function trustsHop(trust: TrustProxy, address: string, index: number): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return index < trust.hops;
  const a = normaliseAddress(address);
  const family = isIP(a);
  return family !== 0 && trust.list.check(a, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: walk from the TCP peer back through X-Forwarded-For while each hop is a
 * trusted proxy; the first untrusted one (or the last one named) is the client.
 */
export function resolveClientAddress(remoteAddress: string, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  const peer = normaliseAddress(remoteAddress);
  if (trust.kind === 'none' || !forwardedFor) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const chain = [peer, ...header.split(',').map(normaliseAddress).filter(Boolean).reverse()];
  for (let i = 0; i < chain.length - 1; i++) {
    if (!trustsHop(trust, chain[i], i)) return chain[i];
  }
  return chain[chain.length - 1];
}

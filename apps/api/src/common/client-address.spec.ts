import { parseTrustProxy, resolveClientAddress } from './client-address';

describe('resolveClientAddress', () => {
  const none = parseTrustProxy(undefined);
  const oneHop = parseTrustProxy('1');
  const twoHops = parseTrustProxy('2');
  const nginxNet = parseTrustProxy('172.16.0.0/12, 10.0.0.5');
  const loopback = parseTrustProxy('loopback');

  // [remote address, X-Forwarded-For, rule, expected client] written by hand from the rules.
  const table: [string, string | undefined, ReturnType<typeof parseTrustProxy>, string][] = [
    ['198.51.100.9', '203.0.113.7', none, '198.51.100.9'],
    ['::ffff:198.51.100.9', '203.0.113.7', none, '198.51.100.9'],
    ['172.18.0.3', undefined, oneHop, '172.18.0.3'],
    ['172.18.0.3', '203.0.113.7', oneHop, '203.0.113.7'],
    ['172.18.0.3', '1.1.1.1, 203.0.113.7', oneHop, '203.0.113.7'],
    ['172.18.0.3', '1.1.1.1, 203.0.113.7', twoHops, '1.1.1.1'],
    ['172.18.0.3', '203.0.113.7', twoHops, '203.0.113.7'],
    ['172.18.0.3', '1.1.1.1, 203.0.113.7', nginxNet, '203.0.113.7'],
    ['172.18.0.3', '1.1.1.1, 10.0.0.5', nginxNet, '1.1.1.1'],
    ['198.51.100.9', '203.0.113.7', nginxNet, '198.51.100.9'],
    ['::ffff:127.0.0.1', '203.0.113.7', loopback, '203.0.113.7'],
    ['::1', '2001:db8::1', loopback, '2001:db8::1'],
    ['192.0.2.1', '203.0.113.7', loopback, '192.0.2.1'],
  ];
  it.each(table)('peer %s with X-Forwarded-For %s', (remote, forwarded, trust, expected) => {
    expect(resolveClientAddress(remote, forwarded, trust)).toBe(expected);
  });

  it('reads false, 0 and empty as "no proxy" and refuses nonsense', () => {
    for (const v of ['false', '0', '', ' ']) expect(parseTrustProxy(v)).toEqual({ kind: 'none' });
    expect(() => parseTrustProxy('nginx')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('99')).toThrow(/TRUST_PROXY/);
  });
});

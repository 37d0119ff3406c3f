import { parseRoute, paths, type Route } from './router';

describe('parseRoute: every page of the web client from its path', () => {
  it.each<[string, string, Route]>([
    ['/', '', { name: 'home' }],
    ['/c/buko-2020', '', { name: 'programme', slug: 'buko-2020' }],
    ['/c/buko-2020/', '', { name: 'programme', slug: 'buko-2020' }],
    ['/c/buko-2020/mein-programm', '', { name: 'my-programme', slug: 'buko-2020' }],
    ['/c/buko-2020/gast', '?next=%2Fc%2Fbuko-2020%2Fs%2F1%2Flive', { name: 'guest', slug: 'buko-2020', next: '/c/buko-2020/s/1/live' }],
    ['/c/buko-2020/gast', '', { name: 'guest', slug: 'buko-2020', next: null }],
    ['/c/buko-2020/organisation', '', { name: 'organise', slug: 'buko-2020', tab: 'conference' }],
    ['/c/buko-2020/organisation/rooms', '', { name: 'organise', slug: 'buko-2020', tab: 'rooms' }],
    ['/c/buko-2020/s/s-1', '', { name: 'session', slug: 'buko-2020', sessionId: 's-1' }],
    ['/c/buko-2020/s/s-1/live', '', { name: 'live', slug: 'buko-2020', sessionId: 's-1' }],
    ['/c/buko-2020/s/s-1/moderation/', '', { name: 'moderate', slug: 'buko-2020', sessionId: 's-1' }],
    ['/c/buko-2020/s/s-1/backstage', '', { name: 'backstage', slug: 'buko-2020', sessionId: 's-1' }],
    ['/c/buko-2020/s/s-1/schriftdolmetschung', '', { name: 'captioning', slug: 'buko-2020', sessionId: 's-1' }],
    ['/h/buko-2020/s-1', '', { name: 'hall', slug: 'buko-2020', sessionId: 's-1' }],
    ['/p/buko-2020/s-1', '', { name: 'projector', slug: 'buko-2020', sessionId: 's-1' }],
    ['/c/buko-2020/kontakte', '', { name: 'people', slug: 'buko-2020' }],
    ['/c/buko-2020/kontakte/anruf/r-1', '', { name: 'contact-call', slug: 'buko-2020', requestId: 'r-1' }],
    ['/c/buko-2020/kontakte/speed/sp-1', '', { name: 'speed-call', slug: 'buko-2020', speedId: 'sp-1' }],
  ])('%s%s', (pathname, search, route) => {
    expect(parseRoute(pathname, search)).toEqual(route);
  });

  it.each(['/c', '/c/', '/c/buko-2020/s', '/c/buko-2020/s/s-1/unknown', '/c/buko-2020/organisation/Rooms', '/h/buko-2020', '/impressum', '/c/a/b'])(
    'answers not-found for %s',
    (pathname) => {
      expect(parseRoute(pathname, '')).toEqual({ name: 'not-found' });
    },
  );

  it('decodes escaped parts, and keeps a malformed escape as it came instead of failing', () => {
    expect(parseRoute('/c/tagung%20k%C3%B6ln/s/a%2Fb', '')).toEqual({ name: 'session', slug: 'tagung köln', sessionId: 'a/b' });
    expect(parseRoute('/c/100%25/s/%E0%A4%A', '')).toEqual({ name: 'session', slug: '100%', sessionId: '%E0%A4%A' });
  });
});

describe('paths: the links the client writes', () => {
  it.each<[string, string]>([
    [paths.home(), '/'],
    [paths.programme('tagung köln'), '/c/tagung%20k%C3%B6ln'],
    [paths.myProgramme('buko-2020'), '/c/buko-2020/mein-programm'],
    [paths.guest('buko-2020'), '/c/buko-2020/gast'],
    [paths.guest('buko-2020', '/c/buko-2020/s/1/live'), '/c/buko-2020/gast?next=%2Fc%2Fbuko-2020%2Fs%2F1%2Flive'],
    [paths.organise('buko-2020'), '/c/buko-2020/organisation'],
    [paths.organise('buko-2020', 'people'), '/c/buko-2020/organisation/people'],
    [paths.session('buko-2020', 'a/b'), '/c/buko-2020/s/a%2Fb'],
    [paths.live('buko-2020', 's-1'), '/c/buko-2020/s/s-1/live'],
    [paths.moderate('buko-2020', 's-1'), '/c/buko-2020/s/s-1/moderation'],
    [paths.backstage('buko-2020', 's-1'), '/c/buko-2020/s/s-1/backstage'],
    [paths.captioning('buko-2020', 's-1'), '/c/buko-2020/s/s-1/schriftdolmetschung'],
    [paths.hall('buko-2020', 's-1'), '/h/buko-2020/s-1'],
    [paths.projector('buko-2020', 's-1'), '/p/buko-2020/s-1'],
  ])('%s', (written, expected) => {
    expect(written).toBe(expected);
  });

  it('reads back what it writes, even with a slash and umlauts in a part', () => {
    expect(parseRoute(paths.live('tagung köln', 'a/b'), '')).toEqual({ name: 'live', slug: 'tagung köln', sessionId: 'a/b' });
    const guest = new URL(paths.guest('buko-2020', '/c/buko-2020/s/1?x=1&y=2'), 'http://podium.test');
    expect(parseRoute(guest.pathname, guest.search)).toEqual({ name: 'guest', slug: 'buko-2020', next: '/c/buko-2020/s/1?x=1&y=2' });
  });
});

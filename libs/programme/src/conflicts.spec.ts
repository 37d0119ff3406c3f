import { DomainError } from '@podium/contracts';
import { allConflicts, assertNoConflicts, checkRegistration, checkSessionWrite, effectiveCapacity, type Conflict } from './conflicts';
import { generateProgramme } from './generate';
import { overlappingPairs } from './overlap';
import { programme, room, session } from './testing/factories';
import fc from 'fast-check';
import { toMs } from './time';

const kinds = (conflicts: Conflict[]) => conflicts.map((c) => c.kind).sort();

describe('room conflicts', () => {
  it('finds two sessions overlapping in one room and names the other session', () => {
    const p = programme([session('a', '13:00', '14:00'), session('b', '13:30', '14:30', { title: 'Aktuelle Stunde' })]);
    const conflicts = allConflicts(p);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'room-overlap', session: { id: 'a' }, other: { id: 'b', title: 'Aktuelle Stunde' }, roomId: 'plenum' });
  });

  it("takes the room's changeover buffer into account", () => {
    // Plenum needs 15 minutes between sessions, the foyer none.
    const tight = [session('a', '13:00', '14:00'), session('b', '14:10', '15:00')];
    expect(kinds(allConflicts(programme(tight)))).toEqual(['room-overlap']);
    expect(allConflicts(programme(tight.map((s) => ({ ...s, roomId: 'foyer' }))))).toEqual([]);
    expect(allConflicts(programme([session('a', '13:00', '14:00'), session('b', '14:15', '15:00')]))).toEqual([]);
  });

  it('lets sessions in different rooms, back-to-back sessions and cancelled ones be', () => {
    const p = programme(
      [
        session('a', '13:00', '14:00', { roomId: 'foyer' }),
        session('b', '14:00', '15:00', { roomId: 'foyer' }),
        session('c', '13:00', '14:00'),
        session('d', '13:00', '14:00', { status: 'cancelled' }),
      ],
      {},
    );
    expect(allConflicts(p)).toEqual([]);
  });

  it('ignores breaks without a room, but not breaks placed in a room', () => {
    const roomless = session('pause', '13:00', '14:00', { kind: 'break', roomId: undefined });
    expect(allConflicts(programme([session('a', '13:00', '14:00'), roomless]))).toEqual([]);
    const placed = session('pause', '13:00', '14:00', { kind: 'break' });
    expect(kinds(allConflicts(programme([session('a', '13:00', '14:00'), placed])))).toEqual(['room-overlap']);
  });
});

describe('person conflicts', () => {
  it('finds a person on two overlapping sessions in different rooms', () => {
    const wm = [{ personId: 'wm', role: 'speaker' as const }];
    const p = programme([session('a', '13:00', '14:00', { people: wm }), session('b', '13:45', '15:00', { roomId: 'foyer', people: wm })]);
    expect(allConflicts(p)).toEqual([expect.objectContaining({ kind: 'person-overlap', personId: 'wm', session: { id: 'a', title: 'Session a' }, other: { id: 'b', title: 'Session b' } })]);
  });

  it('counts a person once per session even with two roles there', () => {
    const both = [
      { personId: 'wm', role: 'moderator' as const },
      { personId: 'wm', role: 'speaker' as const },
    ];
    expect(allConflicts(programme([session('a', '13:00', '14:00', { people: both }), session('b', '13:30', '14:30', { roomId: 'foyer', people: both })]))).toHaveLength(1);
  });
});

describe('sessions outside the conference days', () => {
  it('reads the days in the conference timezone', () => {
    // 27 August 00:30 in Berlin is 26 August 22:30 UTC: inside. 29 August 00:30 Berlin: outside.
    const inside = session('early', '00:30', '01:00');
    const outside = session('late', '00:30', '01:00', {}, '2018-08-29');
    const before = session('before', '23:00', '23:30', {}, '2018-08-26');
    const conflicts = allConflicts(programme([inside, outside, before]));
    expect(conflicts.map((c) => [c.kind, c.session.id])).toEqual([
      ['outside-conference', 'late'],
      ['outside-conference', 'before'],
    ]);
  });

  it('accepts a session ending exactly at midnight after the last day', () => {
    const s = { ...session('last', '23:00', '23:30', {}, '2018-08-28'), end: '2018-08-28T22:00:00.000Z' };
    expect(allConflicts(programme([s]))).toEqual([]);
  });
});

describe('checkSessionWrite', () => {
  const existing = [
    session('pk', '12:00', '12:45', { title: 'Pressekonferenz', roomId: 'foyer', people: [{ personId: 'wm', role: 'speaker' }] }),
    session('welcome', '13:00', '14:00', { title: 'Begrüßung' }),
  ];

  it('reports what a new session would clash with, candidate first', () => {
    const candidate = session('new', '12:30', '13:30', { people: [{ personId: 'wm', role: 'moderator' }] });
    const conflicts = checkSessionWrite(programme(existing), candidate);
    expect(conflicts.map((c) => [c.kind, c.session.id, 'other' in c ? c.other.title : '']).sort()).toEqual([
      ['person-overlap', 'new', 'Pressekonferenz'],
      ['room-overlap', 'new', 'Begrüßung'],
    ]);
  });

  it('does not compare an updated session with its own old version', () => {
    const moved = { ...existing[1], start: existing[1].start, end: existing[1].end };
    expect(checkSessionWrite(programme(existing), moved)).toEqual([]);
  });

  it('includes the changeover buffer and the conference days', () => {
    expect(kinds(checkSessionWrite(programme(existing), session('x', '14:05', '15:00')))).toEqual(['room-overlap']);
    expect(kinds(checkSessionWrite(programme(existing), session('x', '10:00', '11:00', {}, '2018-09-01')))).toEqual(['outside-conference']);
  });

  it('agrees with allConflicts on random programmes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 40 }), (seed, n) => {
        const p = generateProgramme({ sessions: n, rooms: 3, days: 1, seed, people: 6 });
        const all = allConflicts(p).filter((c) => c.kind !== 'outside-conference');
        const target = p.sessions[seed % n];
        const involving = all.filter((c) => c.session.id === target.id || ('other' in c && c.other.id === target.id));
        expect(checkSessionWrite(p, target)).toHaveLength(involving.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('capacity on registration', () => {
  it('refuses the registration that would exceed the capacity of a forum', () => {
    const forum = session('forum', '16:30', '18:00');
    expect(checkRegistration(forum, 29, 30)).toBeNull();
    expect(checkRegistration(forum, 30, 30)).toMatchObject({ kind: 'capacity-exceeded', capacity: 30, registrations: 30, session: { id: 'forum' } });
    expect(checkRegistration(forum, 10_000, undefined)).toBeNull();
  });

  it("falls back to the room's capacity", () => {
    expect(effectiveCapacity({ capacity: 20 }, room('r', { capacity: 80 }))).toBe(20);
    expect(effectiveCapacity({}, room('r', { capacity: 80 }))).toBe(80);
    expect(effectiveCapacity({}, room('r'))).toBeUndefined();
  });
});

describe('assertNoConflicts', () => {
  it('throws CONFLICT with every conflict unless forced', () => {
    const conflicts = allConflicts(programme([session('a', '13:00', '14:00'), session('b', '13:30', '14:30')]));
    expect(() => assertNoConflicts([])).not.toThrow();
    expect(() => assertNoConflicts(conflicts, { force: true })).not.toThrow();
    try {
      assertNoConflicts(conflicts);
      throw new Error('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CONFLICT');
      expect((e as DomainError).details).toEqual({ conflicts });
    }
  });
});

describe('sweep', () => {
  it('finds exactly the pairs a quadratic check finds (property)', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (list, gap) => {
        const items = list.map((x, i) => ({ ...x, item: i }));
        const expected = new Set<string>();
        for (const a of items) for (const b of items) if (a.item < b.item && a.start < b.end + gap && b.start < a.end + gap) expected.add(`${a.item}/${b.item}`);
        const found = overlappingPairs(items, gap).map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`);
        expect(new Set(found)).toEqual(expected);
        expect(found).toHaveLength(expected.size);
      }),
    );
  });

  // No clock here: timings belong to the benchmark (npm run bench -- programme); this checks the result.
  it('finds no room overlap in a generated 2,000-session programme', () => {
    const p = generateProgramme({ sessions: 2_000, rooms: 40, days: 3, seed: 7 });
    const conflicts = allConflicts(p);
    expect(conflicts.filter((c) => c.kind === 'room-overlap')).toEqual([]);
    expect(p.sessions.every((s) => toMs(s.end) > toMs(s.start))).toBe(true);
  });

  it('the sweep finds exactly what checking each session on its own finds, on a generated programme', () => {
    const p = generateProgramme({ sessions: 400, rooms: 8, days: 1, seed: 11 });
    const conflicts = allConflicts(p);
    const key = (c: Conflict) => ('other' in c ? `${c.kind}/${[c.session.id, c.other.id].sort().join('/')}` : `${c.kind}/${c.session.id}`);
    const fromWrites = new Set(p.sessions.flatMap((s) => checkSessionWrite(p, s).map(key)));
    expect(new Set(conflicts.map(key))).toEqual(fromWrites);
  });
});

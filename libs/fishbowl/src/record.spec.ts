import { toPeopleCsv, toSeatingsCsv } from './csv';
import { toMinutesMarkdown } from './minutes';
import { buildRecord } from './record';
import { actor, Scenario, SYSTEM, T0 } from './testing/harness';

/** A short fishbowl: Mona moderates; Anna (hall) twice, Ben (remote) once, Cem lets his invitation lapse, Dora declines. */
function story() {
  const s = new Scenario({ chairCount: 3, fixedChairs: [{ role: 'moderator', personId: 'mod', displayName: 'Mona Moderator' }], speakingMeasure: 'reported' });
  s.run({ type: 'start' });
  s.ask('anna', 'hall', 'Sprachkurse | Wartezeiten');
  s.advance(1000).ask('ben', 'remote');
  s.ask('cem', 'remote');
  s.ask('dora', 'hall');
  s.seat('anna');
  s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: true });
  s.advance(60_000).run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: false });
  s.seat('ben');
  s.advance(30_000).run({ type: 'leave', actor: actor('anna') });
  s.run({ type: 'invite', personId: 'cem' });
  s.advance(30_000).tick(); // cem lapses
  s.run({ type: 'invite', personId: 'dora' });
  s.run({ type: 'decline', actor: actor('dora') });
  s.ask('anna', 'hall');
  s.seat('anna');
  s.advance(20_000).run({ type: 'remove', personId: 'ben' });
  s.advance(10_000);
  return s;
}

describe('buildRecord', () => {
  it('lists per person when they asked, were invited, accepted, declined, lapsed and sat', () => {
    const s = story();
    const record = buildRecord('session-1', s.log);
    const anna = record.people.find((p) => p.personId === 'anna')!;
    expect(anna).toMatchObject({ where: 'hall', topics: ['Sprachkurse | Wartezeiten'], askedAt: [T0, T0 + 121_000], invitedAt: [T0 + 1000, T0 + 121_000], acceptedAt: [T0 + 1000, T0 + 121_000] });
    expect(anna.seatings.map((x) => [x.from, x.to, x.durationMs, x.endReason, x.firstTime])).toEqual([
      [T0 + 1000, T0 + 91_000, 90_000, 'left', true],
      [T0 + 121_000, T0 + 141_000, 20_000, 'ongoing', false], // up to the last event by default
    ]);
    expect(anna.totalSeatedMs).toBe(110_000);
    expect(anna.totalSpokenMs).toBe(60_000); // reported speaking
    const cem = record.people.find((p) => p.personId === 'cem')!;
    expect(cem).toMatchObject({ invitedAt: [T0 + 91_000], lapsedAt: [T0 + 121_000], seatings: [] });
    const dora = record.people.find((p) => p.personId === 'dora')!;
    expect(dora.declinedAt).toEqual([T0 + 121_000]);
    const ben = record.people.find((p) => p.personId === 'ben')!;
    expect(ben.seatings).toMatchObject([{ durationMs: 80_000, endReason: 'removed', where: 'remote', spokenMs: 0 }]);
    const mod = record.people.find((p) => p.personId === 'mod')!;
    expect(mod).toMatchObject({ fixedRole: 'moderator', totalSeatedMs: 141_000 });
    expect(record).toMatchObject({ startedAt: T0, endedAt: null, until: T0 + 141_000 });
  });

  it('measures ongoing seatings up to `until`', () => {
    const s = story();
    const record = buildRecord('session-1', s.log, { until: s.now });
    expect(record.until).toBe(T0 + 151_000);
    expect(record.people.find((p) => p.personId === 'anna')!.seatings[1]).toMatchObject({ to: T0 + 151_000, durationMs: 30_000 });
  });

  it('computes the balance: first-time vs returning, hall vs remote', () => {
    const s = story();
    s.run({ type: 'end' });
    const { balance, endedAt } = buildRecord('session-1', s.log);
    expect(endedAt).toBe(s.now);
    expect(balance).toMatchObject({
      guests: { once: 1, returning: 1 },
      seatings: { firstTime: 2, returning: 1 },
      requests: 5, invitations: 5, accepted: 3, declined: 1, lapsed: 1, withdrawn: 0, neverSeated: 2,
    });
    expect(balance.byLocation.hall).toEqual({ askers: 2, seatedPeople: 1, seatings: 2, seatedMs: 120_000, spokenMs: 60_000 });
    expect(balance.byLocation.remote).toEqual({ askers: 2, seatedPeople: 1, seatings: 1, seatedMs: 80_000, spokenMs: 0 });
  });

  it('counts seated time as speaking time when speaking is not reported', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.ask('anna');
    s.seat('anna');
    s.advance(42_000).run({ type: 'end' });
    expect(buildRecord('session-1', s.log).people[0]).toMatchObject({ totalSeatedMs: 42_000, totalSpokenMs: 42_000 });
  });

  it('agrees with the folded state on seated time', () => {
    const s = story();
    s.run({ type: 'end' });
    const record = buildRecord('session-1', s.log);
    for (const p of record.people) expect(p.totalSeatedMs).toBe(s.state.people.get(p.personId)?.seatedMs ?? 0);
  });
});

describe('minutes', () => {
  it('writes German minutes by default, escaping user text', () => {
    const s = story();
    s.run({ type: 'end' });
    const md = toMinutesMarkdown(buildRecord('session-1', s.log), { timeZone: 'Europe/Berlin', title: 'Aktuelle Stunde im Fishbowl-Format' });
    expect(md).toContain('# Protokoll Fishbowl: Aktuelle Stunde im Fishbowl-Format');
    expect(md).toContain('## Feste Stühle');
    expect(md).toContain('## Redebeiträge');
    expect(md).toContain('## Ausgewogenheit');
    expect(md).toContain('21.09.2020, 10:00'); // 08:00 UTC in Berlin summer time
    expect(md).toContain('Sprachkurse \\| Wartezeiten');
    expect(md).toContain('| 1 | 10:00:01 | 10:01:31 | 2 | ANNA | Saal | Sprachkurse \\| Wartezeiten | 1:30 | 1:00 | selbst gegangen |');
    expect(md).toContain('von der Moderation beendet');
    expect(md).toContain('Ohne Platz geblieben: 2');
  });

  it('writes English minutes on request', () => {
    const s = story();
    const md = toMinutesMarkdown(buildRecord('session-1', s.log), { lang: 'en' });
    expect(md).toContain('# Fishbowl minutes: session-1');
    expect(md).toContain('## Contributions');
    expect(md).toContain('still running');
    expect(md).toContain('Never got a seat: 2');
  });

  it('refuses an unknown time zone', () => {
    expect(() => toMinutesMarkdown(buildRecord('s', []), { timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('handles an empty log', () => {
    expect(toMinutesMarkdown(buildRecord('s', []))).toContain('Keine Redebeiträge.');
  });

  it('counts in the singular for one and in the plural otherwise', () => {
    const empty = buildRecord('s', []);
    const hall = { ...empty.balance.byLocation.hall, askers: 1, seatedPeople: 1, seatings: 1 };
    const one = { ...empty, balance: { ...empty.balance, requests: 1, invitations: 1, accepted: 1, byLocation: { ...empty.balance.byLocation, hall } } };
    const de = toMinutesMarkdown(one);
    expect(de).toContain('- 1 Wortmeldung, 1 Einladung (1 angenommen, 0 abgelehnt, 0 verfallen), 0 zurückgezogen\n');
    expect(de).toContain('- Saal: 1 Wortmeldende, 1 im Kreis, 1 Beitrag, Sitzzeit 0:00, Redezeit 0:00\n');
    expect(de).toContain('- Online: 0 Wortmeldende, 0 im Kreis, 0 Beiträge,');
    const en = toMinutesMarkdown(one, { lang: 'en' });
    expect(en).toContain('- 1 request, 1 invitation (1 accepted, 0 declined, 0 lapsed), 0 withdrawn\n');
    expect(en).toContain('- Hall: 1 asked, 1 sat, 1 contribution, seated 0:00, spoken 0:00\n');
    expect(toMinutesMarkdown(empty, { lang: 'en' })).toContain('- 0 requests, 0 invitations (');
  });
});

describe('CSV', () => {
  it('has one row per person and per seating, quoted, with formula injection neutralised', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.run({ type: 'ask', actor: actor('eve', 'attendee', '=HYPERLINK("x")'), where: 'remote', topic: 'a, "b"' });
    s.seat('eve');
    s.advance(61_000).run({ type: 'end' });
    const record = buildRecord('session-1', s.log);
    const people = toPeopleCsv(record).split('\r\n');
    expect(people[0]).toBe('personId,displayName,where,fixedRole,firstAskedAt,requests,withdrawn,invited,accepted,declined,lapsed,cancelled,seatings,seatedSeconds,spokenSeconds,topics');
    expect(people[1]).toBe(`eve,"'=HYPERLINK(""x"")",remote,,${new Date(T0).toISOString()},1,0,1,1,0,0,0,1,61,61,"a, ""b"""`);
    const seatings = toSeatingsCsv(record).split('\r\n');
    expect(seatings[1]).toBe(`${new Date(T0).toISOString()},${new Date(T0 + 61_000).toISOString()},0,open,eve,"'=HYPERLINK(""x"")",remote,"a, ""b""",61,61,true,ended`);
  });
});

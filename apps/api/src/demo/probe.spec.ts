import { allConflicts, localDateOf } from '@podium/programme';
import { probeConference } from './probe';

describe('the probe conference', () => {
  it('happens today in Berlin with its fishbowl running now, whatever the hour', () => {
    for (const iso of ['2026-11-26T10:02:00Z', '2026-03-29T00:40:00Z', '2026-12-31T23:10:00Z']) {
      const now = new Date(iso);
      const probe = probeConference(now);
      expect(probe.startDate).toBe(localDateOf(new Date(now.getTime() - 30 * 60_000), 'Europe/Berlin'));
      const fishbowl = probe.sessions.find((s) => s.kind === 'fishbowl')!;
      expect(fishbowl.at!.start.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(fishbowl.at!.end.getTime()).toBeGreaterThan(now.getTime() + 60 * 60_000);
    }
  });

  it('has no room or person conflicts of its own', () => {
    const probe = probeConference(new Date('2026-11-26T10:02:00Z'));
    const rooms = probe.rooms.map((r, i) => ({ id: r.name, name: r.name, kind: r.kind, capacity: r.capacity ?? null, changeoverMinutes: r.changeoverMinutes ?? 0, position: i }));
    const sessions = probe.sessions.map((s, i) => ({
      id: `s${i}`, kind: s.kind, title: s.title, language: 'de', start: s.at!.start.toISOString(), end: s.at!.end.toISOString(),
      roomId: s.room, people: (s.people ?? []).map((p) => ({ personId: p.key, role: p.role })), livestream: true, recordingConsent: false, status: 'scheduled', delayMinutes: 0,
    }));
    const conflicts = allConflicts({
      conference: { id: 'c', slug: probe.slug, title: probe.title, timezone: probe.timezone, startDate: probe.startDate, endDate: probe.endDate, format: probe.format, allowGuests: true },
      rooms, tracks: [], people: [], sessions,
    } as never);
    expect(conflicts).toEqual([]);
  });
});

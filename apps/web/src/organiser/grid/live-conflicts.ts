/**
 * The conflicts a grid move would create, computed in the browser with the programme's own rules
 * (libs/programme): the same room, person, day and changeover checks the api runs on the write, plus
 * capacity once the session's registrations are known.
 */
// The library is plain TypeScript with no framework imports; only its conflict rules are bundled here.
import { checkRegistration, checkSessionWrite, effectiveCapacity, type ConflictInput } from '../../../../../libs/programme/src/conflicts';
import type { Session } from '../../../../../libs/programme/src/model';
import type { ConflictInfo } from '../../api/organiser';
import type { ProgrammeData, SessionView } from '../../api/programme';

const asSession = (s: SessionView): Session => ({
  id: s.id,
  kind: s.kind,
  title: s.title,
  language: s.language,
  start: s.start,
  end: s.end,
  roomId: s.roomId ?? undefined,
  people: s.people.map((p) => ({ personId: p.personId, role: p.role })),
  capacity: s.capacity ?? undefined,
  livestream: s.livestream,
  recordingConsent: s.recordingConsent,
  status: s.status,
  delayMinutes: s.delayMinutes,
});

/** The wire programme in the shape the conflict rules read. */
export function conflictInput(p: ProgrammeData): ConflictInput {
  const c = p.conference;
  return {
    conference: { id: c.id, slug: c.slug, title: c.title, timezone: c.timezone, startDate: c.startDate, endDate: c.endDate, format: c.format, allowGuests: c.allowGuests, dayChange: c.dayChange },
    rooms: p.rooms.map((r) => ({ id: r.id, name: r.name, kind: r.kind, capacity: r.capacity ?? undefined, changeoverMinutes: r.changeoverMinutes, position: r.position })),
    sessions: p.sessions.map(asSession),
  };
}

/** What writing the session at `start`–`end` in `roomId` would conflict with; `registrations` when known. */
export function conflictsOfMove(input: ConflictInput, session: SessionView, move: { start: string; end: string; roomId: string | null }, registrations?: number): ConflictInfo[] {
  const candidate: Session = { ...asSession(session), start: move.start, end: move.end, roomId: move.roomId ?? undefined };
  const found: ConflictInfo[] = checkSessionWrite(input, candidate);
  if (registrations !== undefined && registrations > 0) {
    const room = input.rooms.find((r) => r.id === move.roomId);
    // checkRegistration asks whether one more fits; "registrations - 1 plus one" asks whether all of them still fit.
    const full = checkRegistration(candidate, registrations - 1, effectiveCapacity(candidate, room));
    if (full?.kind === 'capacity-exceeded') found.push({ ...full, registrations }); // the real count, not the one asked with
  }
  return found;
}

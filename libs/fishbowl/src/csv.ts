import { csvRow, isoTime } from './format';
import type { FishbowlRecord } from './record';

const seconds = (ms: number) => Math.round(ms / 1000);

/** One row per person (English column names, ISO times in UTC, durations in seconds). */
export function toPeopleCsv(record: FishbowlRecord): string {
  const header = ['personId', 'displayName', 'where', 'fixedRole', 'firstAskedAt', 'requests', 'withdrawn', 'invited', 'accepted', 'declined', 'lapsed', 'cancelled', 'seatings', 'seatedSeconds', 'spokenSeconds', 'topics'];
  const rows = record.people.map((p) =>
    csvRow([
      p.personId, p.displayName, p.where, p.fixedRole, p.askedAt.length ? isoTime(p.askedAt[0]) : null,
      p.askedAt.length, p.withdrawnAt.length, p.invitedAt.length, p.acceptedAt.length, p.declinedAt.length, p.lapsedAt.length, p.cancelledAt.length,
      p.seatings.length, seconds(p.totalSeatedMs), seconds(p.totalSpokenMs), p.topics.join(' | '),
    ]),
  );
  return [csvRow(header), ...rows].join('\r\n') + '\r\n';
}

/** One row per seating, in the order they began. */
export function toSeatingsCsv(record: FishbowlRecord): string {
  const header = ['from', 'to', 'chairIndex', 'chairKind', 'personId', 'displayName', 'where', 'topic', 'seatedSeconds', 'spokenSeconds', 'firstTime', 'endReason'];
  const rows = record.seatings.map((s) =>
    csvRow([isoTime(s.from), isoTime(s.to), s.chairIndex, s.kind, s.personId, s.displayName, s.where, s.topic, seconds(s.durationMs), seconds(s.spokenMs), s.firstTime, s.endReason]),
  );
  return [csvRow(header), ...rows].join('\r\n') + '\r\n';
}

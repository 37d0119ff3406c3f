import { clockFormatter, escapeMarkdown, formatDuration } from './format';
import { LABELS } from './minutes-labels';
import type { FishbowlRecord } from './record';

export interface MinutesOptions {
  /** Default German; English is the fallback language. */
  lang?: 'de' | 'en';
  /** IANA zone of the conference (default UTC). */
  timeZone?: string;
  /** Heading, e.g. the session title (default: the session id). */
  title?: string;
}

const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Readable minutes of a fishbowl in Markdown (German headings by default). */
export function toMinutesMarkdown(record: FishbowlRecord, options: MinutesOptions = {}): string {
  const l = LABELS[options.lang ?? 'de'] ?? LABELS.de;
  const zone = options.timeZone ?? 'UTC';
  const clock = clockFormatter(l.locale, zone);
  const b = record.balance;
  const name = (text: string) => escapeMarkdown(text);
  const out: string[] = [];

  out.push(`# ${l.title}: ${name(options.title ?? record.sessionId)}`, '');
  out.push(`- **${l.started}:** ${record.startedAt === null ? l.notStarted : clock.dateTime(record.startedAt)}`);
  out.push(`- **${l.ended}:** ${record.endedAt === null ? l.notEnded : clock.dateTime(record.endedAt)}`);
  if (record.startedAt !== null) out.push(`- **${l.duration}:** ${formatDuration((record.endedAt ?? record.until) - record.startedAt)}`);
  out.push(`- **${l.modeLabel}:** ${l.mode[record.settings.mode]}; ${l.chairs(record.settings.chairCount, record.settings.fixedChairs.length)}`);
  out.push(`- **${l.speakingMeasureLabel}:** ${l.speakingMeasure[record.settings.speakingMeasure]}`);
  out.push(`- ${l.summary(b.requests, b.invitations, b.accepted, b.declined, b.lapsed, b.withdrawn)}`);
  out.push(`- ${l.timeZone(zone)}`, '');

  const fixed = record.people.filter((p) => p.fixedRole);
  if (fixed.length) {
    out.push(`## ${l.fixedChairs}`, '');
    out.push(table([l.col.role, l.col.name, l.col.seated, l.col.spoken], fixed.map((p) => [l.role[p.fixedRole!], name(p.displayName), formatDuration(p.totalSeatedMs), formatDuration(p.totalSpokenMs)])), '');
  }

  out.push(`## ${l.seatings}`, '');
  const guestSeatings = record.seatings.filter((s) => s.kind === 'open');
  out.push(
    guestSeatings.length
      ? table(
          ['#', l.col.from, l.col.to, l.col.chair, l.col.name, l.col.where, l.col.topic, l.col.seated, l.col.spoken, l.col.endReason],
          guestSeatings.map((s, i) => [
            String(i + 1), clock.time(s.from), clock.time(s.to), String(s.chairIndex + 1), name(s.displayName), s.where ? l.where[s.where] : '',
            s.topic ? name(s.topic) : '', formatDuration(s.durationMs), formatDuration(s.spokenMs), l.reason[s.endReason],
          ]),
        )
      : l.noSeatings,
    '',
  );

  out.push(`## ${l.people}`, '');
  const guests = record.people.filter((p) => !p.fixedRole);
  out.push(
    guests.length
      ? table(
          [l.col.name, l.col.where, l.col.requests, l.col.invited, l.col.accepted, l.col.declined, l.col.lapsed, l.col.seatings, l.col.seated, l.col.spoken],
          guests.map((p) => [
            name(p.displayName), p.where ? l.where[p.where] : '', p.askedAt.map(clock.time).join(', '), String(p.invitedAt.length), String(p.acceptedAt.length),
            String(p.declinedAt.length), String(p.lapsedAt.length), String(p.seatings.length), formatDuration(p.totalSeatedMs), formatDuration(p.totalSpokenMs),
          ]),
        )
      : l.noPeople,
    '',
  );

  out.push(`## ${l.balance}`, '');
  out.push(`- ${l.guests(b.guests.once, b.guests.returning)}`);
  out.push(`- ${l.firstSeatings(b.seatings.firstTime, b.seatings.returning)}`);
  for (const where of ['hall', 'remote'] as const) {
    const x = b.byLocation[where];
    const label = l.where[where].charAt(0).toUpperCase() + l.where[where].slice(1);
    out.push(`- ${l.location(label, x.askers, x.seatedPeople, x.seatings, formatDuration(x.seatedMs), formatDuration(x.spokenMs))}`);
  }
  out.push(`- ${l.neverSeated(b.neverSeated)}`, '');
  return out.join('\n');
}

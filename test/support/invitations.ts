import type { DataSource } from 'typeorm';

/** A conference for invitation tests, starting `daysAhead` days from today (its reminders fall due the day before). */
export async function createConference(db: DataSource, slug: string, daysAhead = 30): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO conference (slug, title, start_date, end_date, published) VALUES ($1, $2, current_date + $3::int, current_date + $3::int + 1, true) RETURNING id`,
    [slug, `Konferenz ${slug}`, daysAhead],
  );
  return row.id;
}

/** A German-Excel participant list (`;`, BOM, CRLF) of `count` people; every third one reads English. */
export function participantCsv(count: number, prefix = 'person'): string {
  const lines = ['\uFEFFName;E-Mail;Organisation;Funktion;Rolle;Sprache'];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    lines.push(`Person ${n};${prefix}-${n}@example.org;"Stadt ${n}; Amt";Referentin;Teilnehmer;${i % 3 === 0 ? 'en' : 'de'}`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** The sign-in link in a mail's text. */
export function signInLinkIn(text: string): string {
  const match = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]{43}/.exec(text);
  if (!match) throw new Error(`no sign-in link in the mail:\n${text}`);
  return match[0];
}

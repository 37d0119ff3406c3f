import type { ChatRecordEntry } from '@podium/contracts';
import { chatMarkdown, toChatCsv } from './minutes-chat';

// 2026-12-01 09:00:05 UTC is 10:00:05 in Berlin.
const entries: ChatRecordEntry[] = [
  { seq: 1, messageId: '00000000-0000-4000-8000-000000000001', at: Date.UTC(2026, 11, 1, 9, 0, 5), authorName: 'Ada *Audience*', text: 'Hallo [alle](x)\nzweite Zeile', deleted: null },
  { seq: 2, messageId: '00000000-0000-4000-8000-000000000002', at: Date.UTC(2026, 11, 1, 9, 1, 0), authorName: 'Troll', text: '', deleted: 'moderator' },
  { seq: 4, messageId: '00000000-0000-4000-8000-000000000003', at: Date.UTC(2026, 11, 1, 9, 2, 30), authorName: 'Bea', text: '', deleted: 'author' },
  { seq: 5, messageId: '00000000-0000-4000-8000-000000000004', at: Date.UTC(2026, 11, 1, 9, 3, 0), authorName: 'Bea', text: '=SUMME(A1), "zitiert"', deleted: null },
];
const berlin = 'Europe/Berlin';

describe('chatMarkdown', () => {
  it('lists the messages with time, escaped author and text; deleted ones without author or text', () => {
    expect(chatMarkdown(entries, berlin)).toBe(
      [
        '## Chat der Sitzung',
        '',
        '- 10:00:05 **Ada \\*Audience\\*:** Hallo \\[alle\\]\\(x\\) zweite Zeile',
        '- 10:01:00 _(Nachricht vom Moderationsteam gelöscht)_',
        '- 10:02:30 _(Nachricht von der schreibenden Person gelöscht)_',
        '- 10:03:00 **Bea:** =SUMME\\(A1\\), "zitiert"',
        '',
      ].join('\n'),
    );
  });

  it('speaks English on request', () => {
    expect(chatMarkdown(entries.slice(1, 2), berlin, 'en')).toBe('## Session chat\n\n- 10:01:00 _(Message deleted by the moderators)_\n');
  });

  it('is empty without chat', () => {
    expect(chatMarkdown([], berlin)).toBe('');
  });
});

describe('toChatCsv', () => {
  it('has one row per message, RFC 4180 quoting and formula cells neutralised', () => {
    expect(toChatCsv(entries)).toBe(
      'seq,at,messageId,author,text,deleted\r\n' +
        '1,2026-12-01T09:00:05.000Z,00000000-0000-4000-8000-000000000001,Ada *Audience*,"Hallo [alle](x)\nzweite Zeile",\r\n' +
        '2,2026-12-01T09:01:00.000Z,00000000-0000-4000-8000-000000000002,Troll,,moderator\r\n' +
        '4,2026-12-01T09:02:30.000Z,00000000-0000-4000-8000-000000000003,Bea,,author\r\n' +
        '5,2026-12-01T09:03:00.000Z,00000000-0000-4000-8000-000000000004,Bea,"\'=SUMME(A1), ""zitiert""",\r\n',
    );
  });
});

import { DEFAULT_TEMPLATES, renderTemplate, retryDelaySeconds, templateProblem } from './mail-templates';

const values = { name: 'Anna', conference: 'BuKo', link: 'https://x/signin/abc', organisation: 'Stadt', function: 'Leitung', start: '1. Juni 2026', session: 'Forum 1', sessionStart: '1. Juni 2026, 10:00' };

describe('mail templates', () => {
  it('fills placeholders, flattening line breaks so a value cannot add lines', () => {
    expect(renderTemplate({ subject: 'Hallo {{ name }}', body: '{{link}} / {{conference}} / {{unknown}}' }, { ...values, name: 'A\r\nBcc: x@y' })).toEqual({
      subject: 'Hallo A Bcc: x@y',
      body: 'https://x/signin/abc / BuKo / {{unknown}}',
    });
  });

  it('refuses unknown placeholders, a missing link and a subject of several lines', () => {
    expect(templateProblem({ subject: 'Hi', body: '{{link}} {{nmae}}' })).toBe('Unknown placeholder {{nmae}} (known: name, conference, link, organisation, function, start, session, sessionStart)');
    expect(templateProblem({ subject: 'Hi', body: 'no link' })).toBe('The text must contain {{link}}');
    expect(templateProblem({ subject: 'Hi\nBcc: x', body: '{{link}}' })).toBe('The subject must be one line');
    expect(templateProblem({ subject: '{{link}}', body: '{{link}}' })).toBe('The link belongs in the text, not in the subject');
    expect(templateProblem({ subject: 'Hi', body: 'Hallo {{name}}: {{link}}' })).toBeNull();
  });

  it('ships valid defaults in both languages', () => {
    for (const kind of ['invitation', 'reminder', 'session-reminder'] as const) for (const lang of ['de', 'en'] as const) expect(templateProblem(DEFAULT_TEMPLATES[kind][lang])).toBeNull();
  });

  it('backs off 1, 2, 4 ... minutes up to an hour', () => {
    expect([1, 2, 3, 4, 5, 8].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960, 3600]);
  });
});

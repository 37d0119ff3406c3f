import type { MailLanguage } from './participant-csv';

/** The mails Podium sends to people; an organiser may reword each per conference and language. */
export const MAIL_KINDS = ['invitation', 'reminder', 'session-reminder'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailTemplate {
  subject: string;
  body: string;
}

/** The placeholders a template may use, written `{{name}}`. */
export const MAIL_PLACEHOLDERS = ['name', 'conference', 'link', 'organisation', 'function', 'start', 'session', 'sessionStart'] as const;
export type MailValues = Record<(typeof MAIL_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;
/** Kinds an organiser queues by hand; session reminders are queued by Podium before each session. */
export const SENDABLE_MAIL_KINDS = ['invitation', 'reminder'] as const;
export const MAIL_SUBJECT_MAX = 200;
export const MAIL_BODY_MAX = 10_000;

export const DEFAULT_TEMPLATES: Record<MailKind, Record<MailLanguage, MailTemplate>> = {
  invitation: {
    de: {
      subject: 'Einladung: {{conference}}',
      body: 'Guten Tag {{name}},\n\nSie sind zur Konferenz „{{conference}}“ eingeladen (Beginn: {{start}}).\nIhr persönlicher Anmeldelink:\n{{link}}\n\nBitte geben Sie den Link nicht weiter.\n',
    },
    en: {
      subject: 'Invitation: {{conference}}',
      body: 'Hello {{name}},\n\nyou are invited to "{{conference}}" (starts {{start}}).\nYour personal sign-in link:\n{{link}}\n\nPlease do not share this link.\n',
    },
  },
  reminder: {
    de: {
      subject: 'Erinnerung: {{conference}} beginnt bald',
      body: 'Guten Tag {{name}},\n\n„{{conference}}“ beginnt am {{start}}.\nIhr persönlicher Anmeldelink:\n{{link}}\n',
    },
    en: {
      subject: 'Reminder: {{conference}} starts soon',
      body: 'Hello {{name}},\n\n"{{conference}}" starts {{start}}.\nYour personal sign-in link:\n{{link}}\n',
    },
  },
  'session-reminder': {
    de: {
      subject: 'Ihre Sitzung „{{session}}“ beginnt {{sessionStart}}',
      body: 'Guten Tag {{name}},\n\nSie wirken mit an „{{session}}“ ({{conference}}), Beginn {{sessionStart}}.\nIhr persönlicher Anmeldelink:\n{{link}}\n',
    },
    en: {
      subject: 'Your session "{{session}}" starts {{sessionStart}}',
      body: 'Hello {{name}},\n\nyou take part in "{{session}}" ({{conference}}), starting {{sessionStart}}.\nYour personal sign-in link:\n{{link}}\n',
    },
  },
};

/** Why a template cannot be used, or null: unknown placeholders, no link, too long, a line break in the subject. */
export function templateProblem(template: MailTemplate): string | null {
  if (template.subject.trim() === '' || template.subject.length > MAIL_SUBJECT_MAX) return `The subject must be 1 to ${MAIL_SUBJECT_MAX} characters`;
  if (/[\r\n]/.test(template.subject)) return 'The subject must be one line';
  if (template.body.trim() === '' || template.body.length > MAIL_BODY_MAX) return `The text must be 1 to ${MAIL_BODY_MAX} characters`;
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!(MAIL_PLACEHOLDERS as readonly string[]).includes(match[1])) return `Unknown placeholder {{${match[1]}}} (known: ${MAIL_PLACEHOLDERS.join(', ')})`;
    }
  }
  // Without the link the mail would be useless: the person could not sign in.
  if (!/\{\{\s*link\s*\}\}/.test(template.body)) return 'The text must contain {{link}}';
  if (/\{\{\s*link\s*\}\}/.test(template.subject)) return 'The link belongs in the text, not in the subject';
  return null;
}

/** Fills the placeholders; line breaks in values are flattened so a name cannot add lines (or headers) to the mail. */
export function renderTemplate(template: MailTemplate, values: MailValues): MailTemplate {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, key: string) => (key in values ? values[key as keyof MailValues].replace(/[\r\n]+/g, ' ') : whole));
  return { subject: fill(template.subject), body: fill(template.body) };
}

/** Delivery: how long to wait before the next attempt after `attempts` failed ones (1 min, 2, 4, ... at most 1 h). */
export const MAIL_MAX_ATTEMPTS = 5;
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}

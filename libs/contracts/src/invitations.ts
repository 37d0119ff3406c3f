/** Invitations by e-mail: what the organiser's endpoints answer. */
/** 'sending': claimed, the mail is going out; 'in_doubt': its delivery broke off, it may or may not have arrived: it is sent again unchanged. */
export type MailState = 'queued' | 'sending' | 'sent' | 'in_doubt' | 'failed' | 'withdrawn';

export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  /** Rows that would be imported. */
  valid: number;
  errors: ImportRowError[];
  people: { line: number; name: string; email: string; organisation: string | null; function: string | null; role: string; language: 'de' | 'en' }[];
}

export interface ParticipantDelivery {
  personId: string;
  name: string;
  /** Shown to organisers of this conference only. */
  email: string | null;
  organisation: string | null;
  function: string | null;
  role: string;
  language: 'de' | 'en';
  /** The person asked for their data to be deleted (organisers carry it out). */
  erasureRequestedAt: string | null;
  invitation: {
    state: MailState;
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
    signedIn: boolean;
    /** Its delivery broke off once, so the same mail (same link) went out again: it may have arrived twice. */
    sentAgain: boolean;
  } | null;
}

export interface DeliveryProgress {
  people: number;
  queued: number;
  sent: number;
  failed: number;
  withdrawn: number;
  /** Going out right now. */
  sending: number;
  /** The delivery broke off after the mail went out: it may have arrived; it is being sent again unchanged. */
  inDoubt: number;
  signedIn: number;
}

/** Meeting people: an opt-in directory of a conference and contact requests that need both sides' consent. */

export const NETWORKING_LIMITS = { textMaxLength: 120, maxTopics: 10, topicMaxLength: 60, contactMaxLength: 300, messageMaxLength: 300 } as const;

/** PUT /api/conferences/:slug/directory/me: my entry (opting in); `contact` is shown only to people I accept. */
export interface DirectoryEntryInput {
  function?: string;
  organisation?: string;
  topics?: string[];
  contact: string;
}

/** What people who opted in see of each other: never the contact details. */
export interface DirectoryEntry {
  personId: string;
  displayName: string;
  function: string | null;
  organisation: string | null;
  topics: string[];
}

export type ContactRequestStatus = 'pending' | 'accepted' | 'declined';

/** A request as either side sees it; `contact` is the other side's details, only once both agreed. */
export interface ContactRequestView {
  id: string;
  direction: 'sent' | 'received';
  other: { personId: string; displayName: string };
  message: string | null;
  status: ContactRequestStatus;
  contact: string | null;
  createdAt: string;
}

export interface NewContactRequest {
  to: string;
  message?: string;
}

export interface ContactAnswer {
  accept: boolean;
}

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

/** A token for a networking call room (an accepted contact request, or a speed-networking group). */
export interface CallGrant {
  room: string;
  url: string;
  token: string;
  expiresAt: string;
  /** The other people of the call. */
  members: { personId: string; displayName: string }[];
}

export const SPEED_LIMITS = { minMinutes: 1, maxMinutes: 30, minRounds: 1, maxRounds: 20, retentionDaysMin: 1, retentionDaysMax: 365 } as const;

/** POST /api/conferences/:slug/speed-networking (organisers and moderators). */
export interface NewSpeedNetworking {
  sessionId?: string | null;
  minutes: number;
  rounds: number;
  byTopic?: boolean;
}

export type SpeedStatus = 'open' | 'running' | 'done';

export interface SpeedMember {
  personId: string;
  displayName: string;
  /** Their contact details: only once both shared them in this group. */
  contact: string | null;
}

/** One of my groups: whom I met in which round, whether I shared my details with them. */
export interface SpeedGroupView {
  groupId: string;
  round: number;
  members: SpeedMember[];
  shared: boolean;
}

/** GET …/speed-networking/:id as one participant sees it. */
export interface SpeedNetworkingView {
  id: string;
  sessionId: string | null;
  minutes: number;
  rounds: number;
  byTopic: boolean;
  status: SpeedStatus;
  /** 1-based, while running. */
  round: number | null;
  roundEndsAt: string | null;
  present: number;
  joined: boolean;
  /** My group in the current round; null while waiting (joined after the round was drawn). */
  current: SpeedGroupView | null;
  groups: SpeedGroupView[];
}

export interface NetworkingSettings {
  networkingRetentionDays: number;
}

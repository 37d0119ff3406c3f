// Interpretation channels and the sign-language video: how interpreters publish and listeners choose (docs/accessibility.md).

/** Participant attributes of interpreters, set by the api (participants cannot set their own). */
export const INTERPRETATION_ATTRIBUTES = {
  /** "de>en": the pair the organisers gave this interpreter for the session. */
  languages: 'podium.languages',
  /** The spoken target language this interpreter's audio track carries (absent for sign language). */
  channel: 'podium.interpretation',
  /** 'true' for the one interpreter of a language listeners hear; 'false' for the partner waiting in the booth. */
  live: 'podium.live',
} as const;

const TRACK_PREFIX = 'interpretation:';

/** The name of the audio track an interpreter publishes for `language`. */
export function interpretationTrackName(language: string): string {
  return `${TRACK_PREFIX}${language}`;
}

/** The language of an interpretation track, or null for any other track (the floor). */
export function languageOfTrack(name: string): string | null {
  return name.startsWith(TRACK_PREFIX) ? name.slice(TRACK_PREFIX.length) || null : null;
}

export interface ChannelParticipant {
  identity: string;
  attributes: Readonly<Record<string, string>>;
}

/** The languages listeners can choose: every channel an interpreter in the room carries, sorted. */
export function availableChannels(participants: readonly ChannelParticipant[]): string[] {
  const set = new Set<string>();
  for (const p of participants) {
    const channel = p.attributes[INTERPRETATION_ATTRIBUTES.channel];
    if (channel) set.add(channel);
  }
  return [...set].sort();
}

/** The floor's volume under an interpretation: audible enough to hear who speaks and the room's reactions. */
export const FLOOR_VOLUME_UNDER_INTERPRETATION = 0.2;

export interface PublishedTrack {
  trackSid: string;
  trackName: string;
  participant: ChannelParticipant;
}

export interface ListenerPlan {
  /** Interpretation tracks to subscribe to (every interpreter of the chosen channel: a handover is gapless). */
  subscribe: string[];
  /** The one of them to play (the live interpreter), or null: the floor only. */
  play: string | null;
  floorVolume: number;
}

/**
 * What a listener who chose `choice` (a language, or null for the floor) hears. A track counts only when
 * its name and its publisher's api-set channel attribute agree, so nobody else can pose as an interpreter.
 * With nobody flagged live (a single interpreter who never switched) the first by identity plays.
 */
export function listenerPlan(choice: string | null, tracks: readonly PublishedTrack[]): ListenerPlan {
  if (choice === null) return { subscribe: [], play: null, floorVolume: 1 };
  const channel = tracks
    .filter((t) => languageOfTrack(t.trackName) === choice && t.participant.attributes[INTERPRETATION_ATTRIBUTES.channel] === choice)
    .sort((a, b) => (a.participant.identity < b.participant.identity ? -1 : a.participant.identity > b.participant.identity ? 1 : 0));
  if (channel.length === 0) return { subscribe: [], play: null, floorVolume: 1 };
  const live = channel.find((t) => t.participant.attributes[INTERPRETATION_ATTRIBUTES.live] === 'true') ?? channel[0];
  return { subscribe: channel.map((t) => t.trackSid), play: live.trackSid, floorVolume: FLOOR_VOLUME_UNDER_INTERPRETATION };
}

/**
 * BITV 2.0 Anlage 2: sign-language video at least 320x240 at 25 frames per second, for every viewer. The interpreter
 * publishes 640x480 at 25 fps as one encoding (docs/accessibility.md, "Sign language picture-in-picture").
 */
export const SIGN_LANGUAGE_VIDEO = {
  width: 640,
  height: 480,
  fps: 25,
  maxBitrate: 900_000,
  /** Off: with one encoding LiveKit forwards the whole picture or pauses it, never a smaller or slower layer. */
  simulcast: false,
} as const;

/** Answer of PUT /api/sessions/:id/interpreters/:personId/languages. */
export interface InterpreterLanguages {
  personId: string;
  from: string;
  to: string;
}

/** Answer of POST /api/sessions/:id/interpretation/live: who is live now, who went quiet. */
export interface InterpretationLive {
  live: string;
  quiet: string[];
}

/** Body of PUT /api/sessions/:id/interpreters/:personId/languages (BCP 47 tags). */
export interface LanguagePairBody {
  from: string;
  to: string;
}

/** `GET /api/sessions/:id/interpreters` (organisers): each interpreter of the session and their pair, if set. */
export interface SessionInterpreter {
  personId: string;
  displayName: string;
  from: string | null;
  to: string | null;
}

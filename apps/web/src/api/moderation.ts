import type { Ban, LayoutState, LifecycleAnswer, LockState, MuteAnswer, RemovalAnswer, StageChange, StageLayout, UnbanAnswer } from '@podium/contracts';
import { enc, post, request } from './http';

/** Session lifecycle (programme): start, extend, end, delay. */
const session = (id: string) => `/api/sessions/${enc(id)}`;

export const startSession = (id: string) => post<LifecycleAnswer>(`${session(id)}/start`);
export const extendSession = (id: string, minutes: number) => post<LifecycleAnswer>(`${session(id)}/extend`, { minutes });
export const endSession = (id: string) => post<LifecycleAnswer>(`${session(id)}/end`);
export const delaySession = (id: string, minutes: number) => post<LifecycleAnswer>(`${session(id)}/delay`, { minutes });

/** Livestream moderation: mute someone's microphone, or remove them from the room. */
export const muteParticipant = (id: string, personId: string, trackSid: string) => post<MuteAnswer>(`${session(id)}/participants/${enc(personId)}/mute`, { trackSid });
export type { StageChange };
/** Put a person on stage (publish) or take them off. */
export const setOnStage = (id: string, personId: string, onStage: boolean) => post<StageChange>(`${session(id)}/stage/${enc(personId)}`, { onStage });
/** Whether the stage room is locked. */
export const lockState = (id: string) => request<LockState>('GET', `${session(id)}/lock`);
/** Lock the stage room against new joins (moderators, organisers and the production desk still get in). */
export const lockRoom = (id: string, locked: boolean) => post<LockState>(`${session(id)}/lock`, { locked });
/** The stage layout every viewer sees (moderation and production desk). */
export const setStageLayout = (id: string, layout: StageLayout) => post<LayoutState>(`${session(id)}/layout`, { layout });
export const removeParticipant = (id: string, personId: string) => request<RemovalAnswer>('DELETE', `${session(id)}/participants/${enc(personId)}`);
export type { Ban };
export const listBans = (id: string) => request<Ban[]>('GET', `${session(id)}/bans`);
/** Takes a removal back: the person may join again. */
export const unban = (id: string, personId: string) => request<UnbanAnswer>('DELETE', `${session(id)}/bans/${enc(personId)}`);

/** CSV tables of the session record: the fishbowl's seatings and people (fishbowls only), questions, polls, chat. */
export type MinutesTable = 'seatings' | 'people' | 'questions' | 'polls' | 'chat';
/** The session record's minutes (Markdown) and its CSV tables, for every kind of session. */
export const minutesUrl = (id: string, format: 'md' | 'csv', lang: string, table?: MinutesTable) =>
  `${session(id)}/minutes?format=${format}${format === 'md' ? `&lang=${lang}` : ''}${table ? `&table=${table}` : ''}`;

/** Downloads with the bearer token (a plain link would not carry it). */
export async function download(url: string, filename: string): Promise<void> {
  const text = await request<string | object>('GET', url);
  const body = typeof text === 'string' ? text : JSON.stringify(text, null, 2);
  const blob = new Blob([body], { type: filename.endsWith('.csv') ? 'text/csv' : 'text/markdown' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

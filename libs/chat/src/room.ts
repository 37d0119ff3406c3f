import { CHAT_LIMITS, DomainError } from '@podium/contracts';
import { normaliseText, textProblem } from './text';
import type { ChatCommand, ChatEvent, ChatRoomState } from './types';

/** Slow mode's last-post times are kept this long: no interval can be longer. */
const LAST_POST_KEPT_MS = CHAT_LIMITS.maxSlowModeSeconds * 1000;

export function initialRoom(roomId: string): ChatRoomState {
  return { roomId, version: 0, slowModeMs: null, mutes: {}, lastPostAt: {} };
}

/** Until when the person is muted at `now`, or null. */
export function mutedUntil(state: ChatRoomState, personId: string, now: number): number | null {
  const until = state.mutes[personId];
  return until !== undefined && until > now ? until : null;
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message, { reason: 'MODERATORS_ONLY' });

/** The rules of a room: pure, time passed in. */
export function decide(state: ChatRoomState, command: ChatCommand, now: number): ChatEvent[] | DomainError {
  const { actor } = command;
  const base = { at: now, actor };
  switch (command.type) {
    case 'post': {
      const text = normaliseText(command.text);
      const problem = textProblem(text);
      if (problem) return new DomainError('VALIDATION', problem, { field: 'text' });
      if (!actor.moderator) {
        const until = mutedUntil(state, actor.personId, now);
        if (until !== null) return new DomainError('FORBIDDEN', 'A moderator has muted you in this chat for now', { reason: 'CHAT_MUTED', until });
        const last = state.lastPostAt[actor.personId];
        if (state.slowModeMs !== null && last !== undefined && now - last < state.slowModeMs) {
          return new DomainError('RATE_LIMITED', 'Slow mode is on: please wait before your next message', { reason: 'CHAT_SLOW_MODE', retryAfterMs: state.slowModeMs - (now - last) });
        }
      }
      return [{ ...base, type: 'message-posted', messageId: command.messageId, text }];
    }
    case 'delete': {
      const message = command.message;
      if (!message) return new DomainError('NOT_FOUND', 'No such message in this chat', { reason: 'CHAT_NO_MESSAGE' });
      if (!actor.moderator && message.authorId !== actor.personId) return new DomainError('FORBIDDEN', 'Only moderators delete other people’s messages', { reason: 'NOT_YOURS' });
      if (message.deleted) return [];
      return [{ ...base, type: 'message-deleted', messageId: message.id, authorId: message.authorId }];
    }
    case 'mute': {
      if (!actor.moderator) return forbidden('Only moderators mute people');
      if (command.untilMs <= now || command.untilMs > now + CHAT_LIMITS.maxMuteMs) {
        return new DomainError('VALIDATION', 'A mute ends in the future, at most 24 hours from now', { field: 'untilMs' });
      }
      if (command.personId === actor.personId) return new DomainError('VALIDATION', 'Moderators do not mute themselves', { field: 'personId' });
      return [{ ...base, type: 'person-muted', personId: command.personId, until: command.untilMs }];
    }
    case 'unmute':
      if (!actor.moderator) return forbidden('Only moderators unmute people');
      return mutedUntil(state, command.personId, now) === null ? [] : [{ ...base, type: 'person-unmuted', personId: command.personId }];
    case 'slow-mode': {
      if (!actor.moderator) return forbidden('Only moderators set slow mode');
      const intervalMs = command.intervalSeconds === null || command.intervalSeconds === 0 ? null : command.intervalSeconds * 1000;
      return intervalMs === state.slowModeMs ? [] : [{ ...base, type: 'slow-mode-set', intervalMs }];
    }
    case 'report': {
      const message = command.message;
      if (!message || message.deleted) return new DomainError('NOT_FOUND', 'No such message in this chat', { reason: 'CHAT_NO_MESSAGE' });
      return [{ ...base, type: 'message-reported', messageId: message.id, reason: command.reason.trim() }];
    }
  }
}

/** Folds one event; entries that can no longer refuse anything are dropped so the state stays small. */
export function evolve(state: ChatRoomState, event: ChatEvent): ChatRoomState {
  const version = event.seq ?? state.version + 1;
  const mutes = prune(state.mutes, (until) => until > event.at);
  const lastPostAt = prune(state.lastPostAt, (at) => event.at - at < LAST_POST_KEPT_MS);
  const next: ChatRoomState = { ...state, version, mutes, lastPostAt };
  switch (event.type) {
    case 'message-posted':
      return { ...next, lastPostAt: { ...lastPostAt, [event.actor.personId]: event.at } };
    case 'person-muted':
      return { ...next, mutes: { ...mutes, [event.personId]: event.until } };
    case 'person-unmuted': {
      const { [event.personId]: _gone, ...rest } = mutes;
      return { ...next, mutes: rest };
    }
    case 'slow-mode-set':
      return { ...next, slowModeMs: event.intervalMs };
    default:
      return next;
  }
}

function prune(record: Record<string, number>, keep: (value: number) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) if (keep(value)) out[key] = value;
  return out;
}

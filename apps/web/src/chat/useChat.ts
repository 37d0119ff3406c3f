import { useCallback, useEffect, useRef, useState } from 'react';
import { CHAT_LIMITS, type ChatAck, ChatMessage, ChatModerationView, ChatRoomView, ErrorBody } from '@podium/contracts';
import { connectChat, type ChatSocket } from './socket';
import { KEPT_MESSAGES, markDeleted, mergeMessages } from './messages';

export interface ChatState {
  status: 'connecting' | 'joined' | 'refused';
  room: ChatRoomView | null;
  messages: ChatMessage[];
  moderation: ChatModerationView | null;
  /** The last refusal of this person's own action (shown next to the form). */
  error: ErrorBody | null;
  /** True while the last page was full (there may be older messages). */
  hasOlder: boolean;
}

const uuid = () => crypto.randomUUID();

/** One chat room over `/chat`: joins on every (re)connect, keeps messages by seq, sends commands with acks. */
export function useChat(roomId: string, token: string | null) {
  const [state, setState] = useState<ChatState>({ status: 'connecting', room: null, messages: [], moderation: null, error: null, hasOlder: true });
  const socket = useRef<ChatSocket | null>(null);

  useEffect(() => {
    if (!token) return;
    const s = connectChat(token);
    socket.current = s;
    const join = () =>
      s.emit('chat:join', { roomId }, (ack) => {
        if ('error' in ack) return setState((x) => ({ ...x, status: 'refused', error: ack.error }));
        setState((x) => ({ ...x, status: 'joined', room: ack.room, moderation: ack.moderation, messages: mergeMessages(x.messages, ack.messages).slice(-KEPT_MESSAGES), hasOlder: ack.messages.length >= CHAT_LIMITS.historyLimit }));
      });
    s.on('connect', join);
    s.on('chat:messages', (b) => b.roomId === roomId && setState((x) => ({ ...x, messages: mergeMessages(x.messages, b.messages).slice(-KEPT_MESSAGES) })));
    s.on('chat:deleted', (d) => d.roomId === roomId && setState((x) => ({ ...x, messages: markDeleted(x.messages, d.messageId) })));
    s.on('chat:room', (r) => r.roomId === roomId && setState((x) => ({ ...x, room: x.room && { ...x.room, slowModeSeconds: r.slowModeSeconds } })));
    s.on('chat:muted', (b) => b.roomId === roomId && setState((x) => ({ ...x, room: x.room && { ...x.room, mutedUntil: b.until } })));
    s.on('chat:moderation', (v) => v.roomId === roomId && setState((x) => ({ ...x, moderation: v })));
    return () => {
      s.disconnect();
      socket.current = null;
    };
  }, [roomId, token]);

  /** Sends a command; a refusal lands in `error`, success clears it. Resolves true on success. */
  const send = useCallback(<T extends object>(event: string, payload: Record<string, unknown>, onOk?: (body: T) => void) => {
    return new Promise<boolean>((resolve) => {
      const s = socket.current;
      if (!s) return resolve(false);
      (s.timeout(10_000) as unknown as { emit(e: string, p: unknown, cb: (err: Error | null, ack: ChatAck<T>) => void): void }).emit(event, { roomId, ...payload }, (err, ack) => {
        if (err) {
          setState((x) => ({ ...x, error: { code: 'UNAVAILABLE', message: err.message } }));
          return resolve(false);
        }
        if ('error' in ack) {
          setState((x) => ({ ...x, error: ack.error }));
          return resolve(false);
        }
        setState((x) => ({ ...x, error: null }));
        onOk?.(ack);
        resolve(true);
      });
    });
  }, [roomId]);

  const messages = state.messages;
  return {
    state,
    post: (text: string) => send('chat:post', { messageId: uuid(), text }),
    loadOlder: () =>
      send<{ messages: ChatMessage[] }>('chat:history', { before: messages[0]?.seq ?? Number.MAX_SAFE_INTEGER }, (body) =>
        setState((x) => ({ ...x, messages: mergeMessages(x.messages, body.messages), hasOlder: body.messages.length >= CHAT_LIMITS.historyLimit })),
      ),
    remove: (messageId: string) => send('chat:delete', { messageId }),
    report: (messageId: string) => send('chat:report', { messageId }),
    mute: (personId: string, minutes: number) => send('chat:mute', { personId, untilMs: Date.now() + minutes * 60_000 }),
    unmute: (personId: string) => send('chat:unmute', { personId }),
    slowMode: (intervalSeconds: number | null) => send('chat:slow-mode', { intervalSeconds }),
  };
}

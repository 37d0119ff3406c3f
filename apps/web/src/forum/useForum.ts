import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ErrorBody, ForumClientToServerEvents, ForumEventName, ForumServerToClientEvents, ForumView } from '@podium/contracts';

type ForumSocket = Socket<ForumServerToClientEvents, ForumClientToServerEvents>;
type Command = Exclude<ForumEventName, 'forum:join' | 'forum:part'>;
type PayloadOf<E extends Command> = Omit<Parameters<ForumClientToServerEvents[E]>[0], 'sessionId'>;
export type ForumSent = { ok: true } | { ok?: false; error: ErrorBody | { code: 'NETWORK'; message: string } };

export interface ForumHandle {
  view: ForumView | null;
  /** The join's refusal code, if the server said no. */
  refusal: string | null;
  send<E extends Command>(event: E, payload: PayloadOf<E>): Promise<ForumSent>;
}

/** Follows one forum over `/forum`: joins on every (re)connect and keeps the newest view. */
export function useForum(sessionId: string, token: string | null): ForumHandle {
  const [view, setView] = useState<ForumView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const socketRef = useRef<ForumSocket | null>(null);
  const versionRef = useRef(-1);

  useEffect(() => {
    if (!token) return;
    const socket: ForumSocket = io('/forum', { auth: { token }, transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socketRef.current = socket;
    versionRef.current = -1;
    const accept = (next: ForumView) => {
      if (next.sessionId !== sessionId || next.version < versionRef.current) return;
      versionRef.current = next.version;
      setView(next);
    };
    socket.on('connect', () =>
      socket.timeout(10_000).emit('forum:join', { sessionId }, (err, ack) => {
        if (err) return;
        if (ack.ok) {
          setRefusal(null);
          accept(ack.view);
        } else setRefusal(ack.error.code);
      }),
    );
    socket.on('connect_error', (e: Error & { data?: { code?: string } }) => setRefusal(e.data?.code ?? null));
    socket.on('forum:state', accept);
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, token]);

  const send = useCallback(
    <E extends Command>(event: E, payload: PayloadOf<E>): Promise<ForumSent> =>
      new Promise((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) return resolve({ error: { code: 'NETWORK', message: 'not connected' } });
        const timed = socket.timeout(10_000) as unknown as { emit(e: string, p: unknown, cb: (err: Error | null, ack: ForumSent) => void): void };
        timed.emit(event, { ...payload, sessionId }, (err, ack) => resolve(err ? { error: { code: 'NETWORK', message: err.message } } : ack));
      }),
    [sessionId],
  );
  return { view, refusal, send };
}

/** Minutes and seconds of speaking time, e.g. 2:05. */
export function speakingTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

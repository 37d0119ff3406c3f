import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollOrigin, PollsAck, PollsClientToServerEvents, PollsMineWire, PollsViewWire, PollViewWire } from '@podium/contracts';
import { isRetryable, retryDelayMs } from '../api/socket-retry';
import { connectPolls, type PollsSocket } from './socket';

export type PollCommand = 'polls:create' | 'polls:open' | 'polls:close' | 'polls:vote';
type PayloadOf<E extends PollCommand> = Parameters<PollsClientToServerEvents[E]>[0];
export type SentPollAck = PollsAck | { ok?: false; error: { code: 'NETWORK'; message: string } };

export interface PollsHandle {
  connected: boolean;
  view: PollsViewWire | null;
  mine: PollsMineWire | null;
  send<E extends PollCommand>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<SentPollAck>;
}

const ACK_TIMEOUT_MS = 10_000;

/** May this person vote in this poll now (open, eligible role, a formal vote not yet cast)? */
export function canVote(poll: PollViewWire, mine: PollsMineWire | null): boolean {
  if (!mine || poll.status !== 'open') return false;
  if (poll.eligibleRoles && !poll.eligibleRoles.includes(mine.role)) return false;
  return !(poll.formal && mine.ballots[poll.id]);
}

/** Follows a session's polls: joins on every (re)connect with the mode (hall or remote), keeps the newest view. */
export function usePolls(sessionId: string, token: string | null, mode: PollOrigin): PollsHandle {
  const [connected, setConnected] = useState(false);
  const [view, setView] = useState<PollsViewWire | null>(null);
  const [mine, setMine] = useState<PollsMineWire | null>(null);
  const socketRef = useRef<PollsSocket | null>(null);
  const attempts = useRef(0);

  useEffect(() => {
    if (!token) return;
    const socket = connectPolls(token);
    socketRef.current = socket;
    let version = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const accept = (next: PollsViewWire) => {
      if (next.sessionId !== sessionId || next.version < version) return;
      version = next.version;
      setView(next);
    };
    const join = () =>
      socket.timeout(ACK_TIMEOUT_MS).emit('polls:join', { sessionId, mode }, (err, ack) => {
        if (err || !ack.ok) {
          // No answer, or the server could not answer right now: ask again; a refusal (FORBIDDEN, NOT_FOUND) stays.
          clearTimeout(timer);
          if (err || isRetryable((ack as { error: { code: string } }).error.code)) timer = setTimeout(join, retryDelayMs(attempts.current++));
          return;
        }
        attempts.current = 0;
        accept(ack.view);
        setMine(ack.mine);
      });
    socket.on('connect', () => {
      setConnected(true);
      join();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('polls:state', accept);
    socket.on('polls:mine', (m) => m.sessionId === sessionId && setMine(m));
    return () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, token, mode]);

  const send = useCallback(
    <E extends PollCommand>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<SentPollAck> =>
      new Promise((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) return resolve({ error: { code: 'NETWORK', message: 'not connected' } });
        // socket.io's typed emit cannot follow a generic event name; the payload type is checked above.
        const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(e: string, p: unknown, cb: (err: Error | null, ack: PollsAck) => void): void };
        timed.emit(event, { ...payload, sessionId }, (err, ack) => resolve(err ? { error: { code: 'NETWORK', message: 'no answer from the server' } } : ack));
      }),
    [sessionId],
  );

  return { connected, view, mine, send };
}

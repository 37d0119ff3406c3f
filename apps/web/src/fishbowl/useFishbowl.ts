import { useCallback, useEffect, useRef, useState } from 'react';
import type { FishbowlAck, FishbowlChangePayload, FishbowlClientToServerEvents, FishbowlCommandEventName, FishbowlView, SocketException } from '@podium/contracts';
import { isRetryable, retryDelayMs } from '../api/socket-retry';
import { useSocketException } from '../ui/ExceptionNotice';
import { connectFishbowl, type FishbowlSocket } from './socket';

/** The server's ack, or the browser's own NETWORK failure (not connected, no answer; the server never sends it). */
export type SentAck = FishbowlAck | { ok?: false; error: { code: 'NETWORK'; message: string } };

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

type PayloadOf<E extends FishbowlCommandEventName> = Parameters<FishbowlClientToServerEvents[E]>[0];

export interface FishbowlHandle {
  status: LinkStatus;
  /** Why the server refused the connection or the join (an error code). */
  refusal: string | null;
  view: FishbowlView | null;
  /** Server clock minus ours, from the last full view, so countdowns agree across screens. */
  offsetMs: number;
  /** The last change, for announcements. */
  lastChange: FishbowlChangePayload | null;
  /** The server's last `exception` (an event it refused without an ack to carry the error), shown for a while. */
  exception: SocketException | null;
  send<E extends FishbowlCommandEventName>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<SentAck>;
  resync(): void;
}

const ACK_TIMEOUT_MS = 10_000;
/** After an event, wait this long for the server's own full state before asking for it. */
const RESYNC_DELAY_MS = 250;

/**
 * Follows one fishbowl: joins on every (re)connect and takes the full state, applies the server's
 * full views, and re-joins when a change arrives that the view does not yet contain.
 */
export function useFishbowl(sessionId: string, token: string | null): FishbowlHandle {
  const [status, setStatus] = useState<LinkStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [view, setView] = useState<FishbowlView | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [lastChange, setLastChange] = useState<FishbowlChangePayload | null>(null);
  const [exception, showException] = useSocketException();
  const socketRef = useRef<FishbowlSocket | null>(null);
  const versionRef = useRef(-1);
  const resyncTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Tries since the last successful join: the backoff for refused handshakes and joins. */
  const attempts = useRef(0);

  const accept = useCallback((next: FishbowlView) => {
    if (next.sessionId !== sessionId || next.version < versionRef.current) return;
    versionRef.current = next.version;
    setOffset(next.now - Date.now());
    setView(next);
  }, [sessionId]);

  const join = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.timeout(ACK_TIMEOUT_MS).emit('fishbowl:join', { sessionId }, (err, ack) => {
      const retry = () => {
        clearTimeout(retryTimer.current);
        retryTimer.current = setTimeout(join, retryDelayMs(attempts.current++));
      };
      // No answer in time (the server may still be waiting for its database): ask again while connected.
      if (err) return retry();
      if (ack.ok) {
        attempts.current = 0;
        setStatus('connected');
        setRefusal(null);
        accept(ack.view);
      } else if (isRetryable(ack.error.code)) {
        // The server could not answer right now (e.g. just restarted): say so and join again later.
        setStatus('reconnecting');
        retry();
      } else {
        setRefusal(ack.error.code);
      }
    });
  }, [sessionId, accept]);

  useEffect(() => {
    if (!token) return;
    const socket = connectFishbowl(token);
    socketRef.current = socket;
    versionRef.current = -1;
    setStatus('connecting');
    socket.on('connect', () => {
      setStatus('connected');
      setRefusal(null);
      join();
    });
    socket.on('disconnect', (reason) => {
      setStatus('reconnecting');
      // The server closed us on purpose (e.g. signed out elsewhere): socket.io does not retry that.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code;
      if (code === undefined || isRetryable(code)) {
        setStatus('reconnecting');
        // A refused handshake ends socket.io's own reconnecting: start the next try ourselves.
        if (code !== undefined) {
          clearTimeout(retryTimer.current);
          retryTimer.current = setTimeout(() => socket.connect(), retryDelayMs(attempts.current++));
        }
      } else {
        setStatus('refused');
        setRefusal(code);
        socket.disconnect();
      }
    });
    socket.on('fishbowl:state', (next) => accept(next));
    socket.on('exception', showException);
    socket.on('fishbowl:event', (change) => {
      if (change.sessionId !== sessionId) return;
      setLastChange(change);
      if (change.version <= versionRef.current) return;
      clearTimeout(resyncTimer.current);
      resyncTimer.current = setTimeout(() => {
        if (versionRef.current < change.version) join();
      }, RESYNC_DELAY_MS);
    });
    return () => {
      clearTimeout(resyncTimer.current);
      clearTimeout(retryTimer.current);
      if (socket.connected) socket.emit('fishbowl:part', { sessionId }, () => undefined);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [sessionId, token, join, accept, showException]);

  const send = useCallback(
    <E extends FishbowlCommandEventName>(event: E, payload: Omit<PayloadOf<E>, 'sessionId'>): Promise<SentAck> =>
      new Promise((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) {
          resolve({ error: { code: 'NETWORK', message: 'not connected' } });
          return;
        }
        const full = { ...payload, sessionId } as PayloadOf<E>;
        // socket.io's typed emit cannot follow a generic event name; the payload type is checked above.
        const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
          emit(e: string, p: unknown, cb: (err: Error | null, ack: FishbowlAck) => void): void;
        };
        timed.emit(event, full, (err, ack) => {
          if (err) {
            resolve({ error: { code: 'NETWORK', message: 'no answer from the server' } });
            return;
          }
          if (!ack.ok && (ack.error.code === 'STALE_VERSION' || ack.error.code === 'CONFLICT')) join();
          resolve(ack);
        });
      }),
    [sessionId, join],
  );

  return { status, refusal, view, offsetMs, lastChange, exception, send, resync: join };
}

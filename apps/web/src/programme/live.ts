import { io, type Socket } from 'socket.io-client';
import type { ProgrammeChange, ProgrammeClientToServerEvents, ProgrammeServerToClientEvents, ProgrammeSessionChange, SocketException } from '@podium/contracts';
import type { ProgrammeData } from '../api/programme';
import { isRetryable, retryDelayMs } from '../api/socket-retry';

export type { ProgrammeChange, ProgrammeSessionChange };

type ProgrammeSocket = Socket<ProgrammeServerToClientEvents, ProgrammeClientToServerEvents>;

export type ProgrammeLinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface ProgrammeListener {
  /** A pushed change for this conference. */
  change(change: ProgrammeChange): void;
  /** (Re)subscribed: anything may have been missed meanwhile, so load the whole programme again. */
  resync(): void;
  status(status: ProgrammeLinkStatus, refusal: string | null): void;
  /** The server refused an event sent without an ack (`exception`). */
  exception(exception: SocketException): void;
}

/** The gateway's namespace; no sign-in needed for published conferences. */
export const PROGRAMME_NAMESPACE = '/programme';
const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = 3_000;

interface Link {
  socket: ProgrammeSocket;
  listeners: Set<ProgrammeListener>;
  status: ProgrammeLinkStatus;
  refusal: string | null;
  conferenceId: string | null;
  retry?: ReturnType<typeof setTimeout>;
  /** Refused tries in a row (handshake or subscribe): the backoff. */
  attempts: number;
}

/** One socket per conference (and sign-in), shared by every component of the page that follows it. */
const links = new Map<string, Link>();

function open(slug: string, token: string | null): Link {
  const socket: ProgrammeSocket = io(PROGRAMME_NAMESPACE, {
    auth: token ? { token } : {},
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 10000,
  });
  const link: Link = { socket, listeners: new Set(), status: 'connecting', refusal: null, conferenceId: null, attempts: 0 };
  const setStatus = (status: ProgrammeLinkStatus, refusal: string | null = null) => {
    link.status = status;
    link.refusal = refusal;
    for (const l of link.listeners) l.status(status, refusal);
  };
  const subscribe = () => {
    clearTimeout(link.retry);
    if (!socket.connected) return;
    socket.timeout(ACK_TIMEOUT_MS).emit('programme:subscribe', { slug }, (err, ack) => {
      if (err) {
        // No answer: try again while the connection lasts (a reconnect subscribes anyway).
        link.retry = setTimeout(subscribe, RETRY_MS);
        return;
      }
      if (ack.ok) {
        link.attempts = 0;
        link.conferenceId = ack.conferenceId;
        setStatus('connected');
        for (const l of link.listeners) l.resync();
      } else if (isRetryable(ack.error.code)) {
        // The server could not answer right now (e.g. just restarted): say so and subscribe again later.
        setStatus('reconnecting');
        link.retry = setTimeout(subscribe, retryDelayMs(link.attempts++));
      } else {
        setStatus('refused', ack.error.code);
      }
    });
  };
  socket.on('connect', subscribe);
  socket.on('disconnect', (reason) => {
    setStatus('reconnecting');
    // The server closed us on purpose: socket.io does not retry that by itself.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    setStatus('reconnecting');
    // A handshake refused by the server ends socket.io's own reconnecting: start the next try ourselves.
    if (isRetryable(error.data?.code)) {
      clearTimeout(link.retry);
      link.retry = setTimeout(() => socket.connect(), retryDelayMs(link.attempts++));
    }
  });
  socket.on('exception', (exception) => {
    for (const l of link.listeners) l.exception(exception);
  });
  socket.on('programme:unavailable', (notice) => {
    if (link.conferenceId && notice.conferenceId !== link.conferenceId) return;
    // Unpublished or deleted: the server took us out of the room; a new subscribe would be NOT_FOUND too.
    link.conferenceId = null;
    setStatus('refused', 'NOT_FOUND');
  });
  socket.on('programme:changed', (change) => {
    if (link.conferenceId && change.conferenceId !== link.conferenceId) return;
    for (const l of link.listeners) l.change(change);
  });
  return link;
}

/** Follows a conference's programme until the returned function is called. */
export function followProgramme(slug: string, token: string | null, listener: ProgrammeListener): () => void {
  const key = `${slug}\n${token ?? ''}`;
  let link = links.get(key);
  if (!link) {
    link = open(slug, token);
    links.set(key, link);
  }
  link.listeners.add(listener);
  listener.status(link.status, link.refusal);
  const mine = link;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size > 0) return;
    clearTimeout(mine.retry);
    mine.socket.removeAllListeners();
    mine.socket.disconnect();
    links.delete(key);
  };
}

/**
 * The programme with a pushed change applied (status, plan and delay of the sessions named). Returns
 * `null` when the change names a session this programme does not have (it needs a full reload).
 */
export function applyProgrammeChange(programme: ProgrammeData, change: ProgrammeChange): ProgrammeData | null {
  if (change.conferenceId !== programme.conference.id) return programme;
  const byId = new Map(change.sessions.map((s) => [s.id, s]));
  const known = new Set(programme.sessions.map((s) => s.id));
  if (change.sessions.some((s) => !known.has(s.id))) return null;
  const removed = new Set(change.removed ?? []);
  return {
    ...programme,
    sessions: programme.sessions.filter((s) => !removed.has(s.id)).map((s) => {
      const c = byId.get(s.id);
      // localStart/localEnd and durationMinutes are not in the change and stay as loaded; the pages compute from start, end and delay.
      return c ? { ...s, status: c.status, delayMinutes: c.delayMinutes, start: c.start, end: c.end, shownStart: c.shownStart, shownEnd: c.shownEnd } : s;
    }),
  };
}

import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { AttendeeQuestionView, ModeratorQuestionView, ProjectorQuestionView, QuestionsAck, QuestionsJoinAck, QuestionsListView, QuestionsMine } from '@podium/contracts';

/** A real socket.io client on /questions that keeps the newest of each view it receives. */
export type QClient = Socket & {
  attendee?: QuestionsListView<AttendeeQuestionView>;
  mine?: QuestionsMine;
  moderator?: QuestionsListView<ModeratorQuestionView>;
  projector?: QuestionsListView<ProjectorQuestionView>;
};

const newer = <T extends { version: number }>(old: T | undefined, next: T) => (!old || next.version >= old.version ? next : old);

export function connectQuestions(url: string, token: string, options: { reconnection?: boolean } = {}): Promise<QClient> {
  const socket = io(`${url}/questions`, { auth: { token }, transports: ['websocket'], reconnection: options.reconnection ?? true, reconnectionDelay: 200, reconnectionDelayMax: 1000, forceNew: true }) as QClient;
  socket.on('questions:state', (v) => (socket.attendee = newer(socket.attendee, v)));
  socket.on('questions:mine', (m) => (socket.mine = newer(socket.mine, m)));
  socket.on('questions:moderator-state', (v) => (socket.moderator = newer(socket.moderator, v)));
  socket.on('questions:projector-state', (v) => (socket.projector = newer(socket.projector, v)));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function qsend<T = QuestionsAck>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Sends a command that must be accepted; returns the version after it. */
export async function qok(socket: Socket, event: string, payload: Record<string, unknown>): Promise<number> {
  const ack = await qsend(socket, event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack.version;
}

export async function qjoin(socket: QClient, sessionId: string, audience: 'attendee' | 'moderator' | 'projector' = 'attendee'): Promise<Extract<QuestionsJoinAck, { ok: true }>> {
  const ack = await qsend<QuestionsJoinAck>(socket, 'questions:join', { sessionId, audience });
  if (ack.ok !== true) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** Waits (bounded) until the predicate holds on the client's newest views. */
export async function eventually<T>(read: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const newId = () => randomUUID();

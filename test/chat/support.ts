import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ChatAck, ChatAckBodies, ChatClientEventName, ChatClientPayload, ChatMessage, ChatModerationView } from '@podium/contracts';

export type ChatClient = Socket & { messages: ChatMessage[]; deleted: string[]; moderation: ChatModerationView[]; muted: (number | null)[] };

/** A real socket.io client on /chat that keeps what it receives. */
export function connectChat(url: string, token: string): Promise<ChatClient> {
  const socket = io(`${url}/chat`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true }) as ChatClient;
  socket.messages = [];
  socket.deleted = [];
  socket.moderation = [];
  socket.muted = [];
  socket.on('chat:messages', (b: { messages: ChatMessage[] }) => socket.messages.push(...b.messages));
  socket.on('chat:deleted', (d: { messageId: string }) => socket.deleted.push(d.messageId));
  socket.on('chat:moderation', (v: ChatModerationView) => socket.moderation.push(v));
  socket.on('chat:muted', (b: { until: number | null }) => socket.muted.push(b.until));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export function chat<E extends ChatClientEventName>(socket: Socket, event: E, payload: ChatClientPayload<E> | Record<string, unknown>): Promise<ChatAck<ChatAckBodies[E]>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<ChatAck<ChatAckBodies[E]>>;
}

/** The ack's body, or a thrown error naming the refusal. */
export async function ok<E extends ChatClientEventName>(socket: Socket, event: E, payload: ChatClientPayload<E>): Promise<ChatAckBodies[E]> {
  const ack = await chat(socket, event, payload);
  if ('error' in ack) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack;
}

export const post = (socket: Socket, roomId: string, text: string, messageId = randomUUID()) => ok(socket, 'chat:post', { roomId, messageId, text });

/** The refusal's code and reason (or field), e.g. 'FORBIDDEN:CHAT_MUTED'. */
export async function refusal(socket: Socket, event: ChatClientEventName, payload: Record<string, unknown>): Promise<string> {
  const ack = await chat(socket, event, payload);
  if (!('error' in ack)) return 'ok';
  const d = ack.error.details ?? {};
  return `${ack.error.code}:${d.reason ?? d.field ?? ''}`;
}

export async function eventually<T>(read: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The text of a message as the client would render it. */
export const textOf = (m: ChatMessage) => m.tokens.map((t) => t.text).join('');

import type { ChatMessage } from '@podium/contracts';

/** Messages by seq, once each: broadcasts of several api processes may arrive out of order, history overlaps the live ones. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** A deleted message keeps its place, without its text. */
export function markDeleted(current: readonly ChatMessage[], messageId: string): ChatMessage[] {
  return current.map((m) => (m.id === messageId ? { ...m, deleted: true, tokens: [] } : m));
}

/** Browsers keep this many messages; older ones are loaded again on demand. */
export const KEPT_MESSAGES = 1000;

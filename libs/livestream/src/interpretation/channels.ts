import { INTERPRETATION_ATTRIBUTES, type ChannelParticipant } from '@podium/contracts';
import { formatPair, isSignLanguage, type LanguagePair } from './languages';

/** An interpreter's attributes at join: a spoken pair opens a channel; a sign-language pair does not. */
export function interpreterAttributes(pair: LanguagePair | null): Record<string, string> {
  if (!pair) return {};
  const out: Record<string, string> = { [INTERPRETATION_ATTRIBUTES.languages]: formatPair(pair) };
  if (!isSignLanguage(pair.to)) out[INTERPRETATION_ATTRIBUTES.channel] = pair.to;
  return out;
}

/**
 * A handover: `taker` goes live on its channel, every other interpreter of that channel goes quiet.
 * Returns the attribute updates (identity -> live), only for those whose flag changes.
 */
export function handover(participants: readonly ChannelParticipant[], taker: string): Map<string, 'true' | 'false'> {
  const me = participants.find((p) => p.identity === taker);
  const channel = me?.attributes[INTERPRETATION_ATTRIBUTES.channel];
  const updates = new Map<string, 'true' | 'false'>();
  if (!channel) return updates;
  for (const p of participants) {
    if (p.attributes[INTERPRETATION_ATTRIBUTES.channel] !== channel) continue;
    const want = p.identity === taker ? 'true' : 'false';
    if (p.attributes[INTERPRETATION_ATTRIBUTES.live] !== want) updates.set(p.identity, want);
  }
  return updates;
}

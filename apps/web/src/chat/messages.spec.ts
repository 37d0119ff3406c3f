import type { ChatMessage } from '@podium/contracts';
import { markDeleted, mergeMessages } from './messages';

const m = (seq: number, text = `m${seq}`): ChatMessage => ({ roomId: 'lobby:x', id: `id${seq}`, seq, authorId: 'a', authorName: 'A', at: 0, tokens: [{ kind: 'text', text }], deleted: false });

describe('chat messages in the browser', () => {
  it('merges by seq, once each, in seq order', () => {
    expect(mergeMessages([m(1), m(4)], [m(3), m(2), m(4, 'again')]).map((x) => [x.seq, x.tokens[0].text])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'm3'],
      [4, 'again'],
    ]);
  });
  it('a deleted message keeps its place without text', () => {
    expect(markDeleted([m(1), m(2)], 'id2').map((x) => [x.seq, x.deleted, x.tokens.length])).toEqual([
      [1, false, 1],
      [2, true, 0],
    ]);
  });
});

import type { PollsState } from './types';

export const initialState = (sessionId: string): PollsState => ({ sessionId, polls: new Map(), order: [], version: 0, lastEventAt: 0 });

import type { ConferenceFormat, ConferenceSummary } from '@podium/contracts';
import { enc, get } from './http';

export type { ConferenceFormat, ConferenceSummary };

export const listConferences = (signal?: AbortSignal) => get<ConferenceSummary[]>('/api/conferences', signal);
export const getConference = (slug: string, signal?: AbortSignal) => get<ConferenceSummary>(`/api/conferences/${enc(slug)}`, signal);

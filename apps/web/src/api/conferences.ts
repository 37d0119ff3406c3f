import type { ConferenceFormat } from '@podium/contracts';
import { enc, get } from './http';

export type { ConferenceFormat };

export interface ConferenceSummary {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  timezone: string;
  startDate: string;
  endDate: string;
  format: ConferenceFormat;
  venue: string | null;
  allowGuests: boolean;
}

export const listConferences = (signal?: AbortSignal) => get<ConferenceSummary[]>('/api/conferences', signal);
export const getConference = (slug: string, signal?: AbortSignal) => get<ConferenceSummary>(`/api/conferences/${enc(slug)}`, signal);

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
  /** 'HH:MM' at which a conference day ends (frab's day change: a 01:00 concert belongs to the evening before); '00:00' by default. */
  dayChange?: string;
}

export const listConferences = (signal?: AbortSignal) => get<ConferenceSummary[]>('/api/conferences', signal);
export const getConference = (slug: string, signal?: AbortSignal) => get<ConferenceSummary>(`/api/conferences/${enc(slug)}`, signal);

import { get, post } from './http';

/** My private bookmark feed: the URL is the secret; rotating makes every earlier URL stop working. */
export interface CalendarFeed {
  url: string;
  rotatedAt?: string;
}

export const getCalendarFeed = (signal?: AbortSignal) => get<CalendarFeed>('/api/me/calendar-feed', signal);
export const rotateCalendarFeed = () => post<CalendarFeed>('/api/me/calendar-feed');

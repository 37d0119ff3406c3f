import type { CalendarFeed } from '@podium/contracts';
import { get, post } from './http';

export type { CalendarFeed };

export const getCalendarFeed = (signal?: AbortSignal) => get<CalendarFeed>('/api/me/calendar-feed', signal);
export const rotateCalendarFeed = () => post<CalendarFeed>('/api/me/calendar-feed');

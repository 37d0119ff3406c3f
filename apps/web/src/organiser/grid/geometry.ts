/**
 * The programme grid's pure geometry: a session is a slot (room column, start and end in minutes after
 * local midnight of the shown day); pointer offsets and arrow keys become new slots, snapped to 5 minutes
 * and kept inside the day's window and the room columns. No DOM, no React: unit-tested on its own.
 */
import { utcToZoned, zonedToUtc } from '../zoned';

/** Minutes a move or resize snaps to, and one arrow key press moves. */
export const STEP = 5;
/** Vertical scale of the grid: 5 minutes are 10 px. */
export const PX_PER_MINUTE = 2;
const DAY_MINUTES = 24 * 60;

export interface Slot {
  /** Index of the room column (rooms in display order). */
  room: number;
  /** Minutes after local midnight of the shown day; an end past midnight is above 1440. */
  start: number;
  end: number;
}

/** The minutes the grid shows: whole hours around every session of the day, at least 08:00 to 20:00. */
export interface DayWindow {
  from: number;
  to: number;
}

export const snap = (minutes: number) => Math.round(minutes / STEP) * STEP;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** With a day change (minutes after midnight, e.g. 240 for 04:00) the day runs from it to the next day's. */
export function dayWindow(slots: ReadonlyArray<Pick<Slot, 'start' | 'end'>>, earliest = 8 * 60, latest = 20 * 60, dayChange = 0): DayWindow {
  let from = earliest;
  let to = latest;
  for (const s of slots) {
    from = Math.min(from, Math.floor(s.start / 60) * 60);
    to = Math.max(to, Math.ceil(s.end / 60) * 60);
  }
  return { from: Math.max(dayChange, from), to: Math.min(dayChange ? DAY_MINUTES + dayChange : 2 * DAY_MINUTES, to) };
}

/** The programme day of an instant: its local date, or the day before when it is before the day change (frab/pretalx nights). */
export function programmeDay(instant: string, zone: string, dayChange: number): string {
  const local = utcToZoned(instant, zone);
  const [h, m] = local.time.split(':').map(Number);
  return h * 60 + m < dayChange ? new Date(Date.parse(local.date) - DAY_MS).toISOString().slice(0, 10) : local.date;
}

/** The day `by` places away in the list (clamped), for the keyboard's move to the previous/next day. */
export function dayStep(days: readonly string[], current: string, by: number): string {
  const i = days.indexOf(current);
  return days[Math.min(days.length - 1, Math.max(0, (i < 0 ? 0 : i) + by))] ?? current;
}

/** Pixels from the top of a column to a minute, and back (snapped). */
export const offsetOf = (minute: number, w: DayWindow) => (minute - w.from) * PX_PER_MINUTE;
export const minuteAt = (y: number, w: DayWindow) => snap(w.from + y / PX_PER_MINUTE);

/** The room column under a horizontal offset into the columns, clamped to the first and last. */
export function roomAt(x: number, columnWidth: number, rooms: number): number {
  return clamp(Math.floor(x / columnWidth), 0, rooms - 1);
}

/** The slot moved by whole rooms and some minutes (snapped), keeping its length, inside the window. */
export function moved(slot: Slot, rooms: number, byRooms: number, byMinutes: number, w: DayWindow): Slot {
  const length = slot.end - slot.start;
  const start = clamp(slot.start + snap(byMinutes), w.from, Math.max(w.from, w.to - length));
  return { room: clamp(slot.room + byRooms, 0, rooms - 1), start, end: start + length };
}

/** The slot with its end moved (snapped), at least one step long and not past the window. */
export function resized(slot: Slot, byMinutes: number, w: DayWindow): Slot {
  return { ...slot, end: clamp(slot.end + snap(byMinutes), slot.start + STEP, Math.max(slot.start + STEP, w.to)) };
}

/** Where an unplaced session of `length` minutes lands when dropped at a room and minute. */
export function dropped(length: number, room: number, minute: number, rooms: number, w: DayWindow): Slot {
  return moved({ room, start: snap(minute), end: snap(minute) + Math.max(STEP, snap(length)) }, rooms, 0, 0, w);
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
export const isArrow = (key: string): key is ArrowKey => key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';

/** One arrow key press: up/down move by 5 minutes, left/right by a room; with Shift up/down change the end. */
export function keyMove(slot: Slot, key: ArrowKey, shift: boolean, rooms: number, w: DayWindow): Slot {
  const minutes = key === 'ArrowUp' ? -STEP : key === 'ArrowDown' ? STEP : 0;
  if (shift) return minutes ? resized(slot, minutes, w) : slot;
  return moved(slot, rooms, key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0, minutes, w);
}

/** 'HH:MM' of a minute of the day (past midnight wraps: 1470 is 00:30). */
export function clock(minute: number): string {
  const m = ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;
/** Minutes after local midnight of `date` (conference zone) of a UTC instant; negative before that day. */
export function minuteOfDay(instant: string, date: string, zone: string): number {
  const local = utcToZoned(instant, zone);
  const days = Math.round((Date.parse(local.date) - Date.parse(date)) / DAY_MS);
  const [h, m] = local.time.split(':').map(Number);
  return days * DAY_MINUTES + h * 60 + m;
}

/** The UTC instant of a minute of the shown day in the conference zone. */
export function instantAt(minute: number, date: string, zone: string): string {
  const days = Math.floor(minute / DAY_MINUTES);
  const day = days === 0 ? date : new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
  return zonedToUtc(day, clock(minute), zone);
}

import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { SessionView } from '../../api/programme';
import { dayStep, dropped, isArrow, keyMove, minuteAt, moved, PX_PER_MINUTE, resized, roomAt, type DayWindow, type Slot } from './geometry';

/** A session being moved: where it was (null when it had no room) and where it would go now. */
export interface Move {
  session: SessionView;
  from: Slot | null;
  slot: Slot;
  by: 'pointer' | 'keyboard';
  /** Another day to move it to (dropped on a day tab, or PageUp/PageDown); null: the day shown. */
  day: string | null;
}

interface Drag {
  mode: 'move' | 'resize' | 'place';
  x: number;
  y: number;
  moved: boolean;
}

export interface GridMoveOptions {
  rooms: number;
  window: DayWindow;
  columns: RefObject<HTMLDivElement | null>;
  /** The conference's days and the one shown, for moves to another day. */
  days: readonly string[];
  shown: string;
  onStart(move: Move): void;
  onChange(move: Move): void;
  onDrop(move: Move): void;
  onCancel(move: Move): void;
}

/**
 * Pointer drags and their keyboard alternative over the grid, both producing the same `Move`:
 * the geometry module decides the slots, this hook only turns events into its inputs.
 */
export function useGridMove(o: GridMoveOptions) {
  const [move, setMove] = useState<Move | null>(null);
  const current = useRef<Move | null>(null);
  const drag = useRef<Drag | null>(null);
  const set = (next: Move | null) => {
    current.current = next;
    setMove(next);
  };
  const change = (slot: Slot, day: string | null = current.current?.day ?? null) => {
    const m = current.current;
    if (!m || (m.slot.room === slot.room && m.slot.start === slot.start && m.slot.end === slot.end && m.day === day)) return;
    const next = { ...m, slot, day };
    set(next);
    o.onChange(next);
  };
  const begin = (m: Move) => {
    set(m);
    o.onStart(m);
  };
  const finish = (drop: boolean) => {
    const m = current.current;
    drag.current = null;
    set(null);
    if (m) (drop ? o.onDrop : o.onCancel)(m);
  };

  /** Where the pointer is over the room columns, as a room and a minute; null when outside them. */
  const pointAt = (e: PointerEvent) => {
    const box = o.columns.current?.getBoundingClientRect();
    if (!box) return null;
    const inside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
    return { inside, room: roomAt(e.clientX - box.left, box.width / o.rooms, o.rooms), minute: minuteAt(e.clientY - box.top, o.window) };
  };

  const pointerDown = (e: PointerEvent<HTMLElement>, session: SessionView, from: Slot | null, mode: Drag['mode']) => {
    if (e.button !== 0 || current.current) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { mode, x: e.clientX, y: e.clientY, moved: false };
    begin({ session, from, slot: from ?? { room: 0, start: o.window.from, end: o.window.from }, by: 'pointer', day: null });
  };
  const pointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    const m = current.current;
    if (!d || !m) return;
    d.moved = true;
    if (d.mode === 'place') {
      const at = pointAt(e);
      if (at?.inside) change(dropped((Date.parse(m.session.end) - Date.parse(m.session.start)) / 60_000, at.room, at.minute, o.rooms, o.window));
      return;
    }
    const from = m.from as Slot;
    // Over a day tab: the same room and times on that day (its conflicts shown live like any other move).
    const day = d.mode === 'move' ? dayTabAt(e) : null;
    if (day) return change(from, day === o.shown ? null : day);
    const minutes = (e.clientY - d.y) / PX_PER_MINUTE;
    if (d.mode === 'resize') return change(resized(from, minutes, o.window));
    const at = pointAt(e);
    change(moved(from, o.rooms, (at?.room ?? from.room) - from.room, minutes, o.window), null);
  };
  const pointerUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    const m = current.current;
    if (!d || !m) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    // A place drag that never reached the grid, or a click without movement, changes nothing.
    const placed = d.mode !== 'place' || (m.slot.end > m.slot.start && pointAt(e)?.inside);
    finish(d.moved && !!placed);
  };

  /** Enter or Space picks a session up; arrows move it, PageUp/PageDown to the previous/next day; Enter puts it down, Escape puts it back. */
  const keyDown = (e: KeyboardEvent<HTMLElement>, session: SessionView, from: Slot | null, place: () => Slot) => {
    const m = current.current;
    if (!m) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      begin({ session, from, slot: from ?? place(), by: 'keyboard', day: null });
      return;
    }
    if (m.session.id !== session.id || m.by !== 'keyboard') return;
    if (isArrow(e.key)) {
      e.preventDefault();
      change(keyMove(m.slot, e.key, e.shiftKey, o.rooms, o.window));
    } else if ((e.key === 'PageUp' || e.key === 'PageDown') && m.from) {
      e.preventDefault();
      const day = dayStep(o.days, m.day ?? o.shown, e.key === 'PageDown' ? 1 : -1);
      change(m.slot, day === o.shown ? null : day);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    } else if (e.key === ' ') e.preventDefault();
  };

  const cancel = () => current.current && finish(false);
  /** Leaving a picked-up session with Tab (or a click elsewhere) puts it back, as Escape does. */
  const blur = () => current.current?.by === 'keyboard' && finish(false);
  return { move, pointerDown, pointerMove, pointerUp, keyDown, cancel, blur };
}

/** The day tab under the pointer, if any (hit-tested: the dragged session holds the pointer capture). */
function dayTabAt(e: PointerEvent): string | null {
  const tab = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-grid-day]');
  return tab?.dataset.gridDay ?? null;
}

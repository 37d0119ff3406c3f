import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import type { RoomView, SessionView } from '../../api/programme';
import { useI18n } from '../../i18n/I18nProvider';
import { clock, offsetOf, PX_PER_MINUTE, type DayWindow, type Slot } from './geometry';
import type { Move } from './useGridMove';

export interface Placed {
  session: SessionView;
  slot: Slot;
}

interface BoardProps {
  rooms: RoomView[];
  window: DayWindow;
  placed: Placed[];
  /** The session being moved, waiting for an answer or being saved: drawn where it would go. */
  move: Move | null;
  /** The session picked up right now (pressed), if any. */
  picked: string | null;
  /** Sessions the current move would clash with, marked in the grid. */
  clashing: Set<string>;
  columns: RefObject<HTMLDivElement | null>;
  onPointerDown(e: PointerEvent<HTMLElement>, p: Placed, mode: 'move' | 'resize'): void;
  onPointerMove(e: PointerEvent<HTMLElement>): void;
  onPointerUp(e: PointerEvent<HTMLElement>): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>, p: Placed): void;
  onBlur(): void;
}

/**
 * Rooms side by side, time downwards. Every session sits in one layer over all columns (left = its
 * room), so a keyboard move to another room keeps the same focused button.
 */
export function GridBoard(props: BoardProps) {
  const { rooms, window: w, placed, move, picked, clashing, columns } = props;
  const { t } = useI18n();
  const hours: number[] = [];
  for (let m = w.from; m < w.to; m += 60) hours.push(m);
  const height = offsetOf(w.to, w);
  const width = 100 / rooms.length;
  const box = (slot: Slot) => ({ top: offsetOf(slot.start, w), height: Math.max(PX_PER_MINUTE * 5, (slot.end - slot.start) * PX_PER_MINUTE), left: `${slot.room * width}%`, width: `${width}%` });
  const ghost = move && !move.from && move.slot.end > move.slot.start ? move : null;
  return (
    <div className="grid-board">
      <div className="grid-board__head" aria-hidden="true">
        <span className="grid-board__gutter" />
        {rooms.map((r) => (
          <span key={r.id}>{r.name}</span>
        ))}
      </div>
      <div className="grid-board__body">
        <div className="grid-board__gutter" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: offsetOf(m, w) }}>
              {clock(m)}
            </span>
          ))}
        </div>
        <div className="grid-board__columns" ref={columns} style={{ height, gridTemplateColumns: `repeat(${rooms.length}, 1fr)`, minWidth: `${rooms.length * 9}rem` }} data-testid="grid-columns">
          {rooms.map((r) => (
            <div key={r.id} className="grid-board__column" data-room-id={r.id} aria-hidden="true" />
          ))}
          {placed.map((p) => {
            const moving = move?.session.id === p.session.id ? move : null;
            const slot = moving ? moving.slot : p.slot;
            const classes = ['grid-session', moving ? 'grid-session--moving' : '', moving && clashing.size ? 'grid-session--conflict' : '', !moving && clashing.has(p.session.id) ? 'grid-session--clash' : ''];
            return (
              <button
                key={p.session.id}
                type="button"
                className={classes.filter(Boolean).join(' ')}
                style={box(slot)}
                data-session-id={p.session.id}
                aria-describedby="grid-help"
                aria-pressed={picked === p.session.id}
                onPointerDown={(e) => props.onPointerDown(e, p, 'move')}
                onPointerMove={props.onPointerMove}
                onPointerUp={props.onPointerUp}
                onKeyDown={(e) => props.onKeyDown(e, p)}
                onBlur={props.onBlur}
              >
                <span className="grid-session__title">{p.session.title}</span>
                <span className="grid-session__time">
                  {clock(slot.start)}–{clock(slot.end)}
                  <span className="visually-hidden">, {rooms[slot.room]?.name}</span>
                </span>
                <span
                  className="grid-session__resize"
                  aria-hidden="true"
                  title={t('org.grid.resize')}
                  data-testid="grid-resize"
                  onPointerDown={(e) => props.onPointerDown(e, p, 'resize')}
                />
              </button>
            );
          })}
          {ghost && (
            <div className={`grid-session grid-session--ghost${clashing.size ? ' grid-session--conflict' : ''}`} style={box(ghost.slot)} aria-hidden="true" data-testid="grid-ghost">
              <span className="grid-session__title">{ghost.session.title}</span>
              <span className="grid-session__time">
                {clock(ghost.slot.start)}–{clock(ghost.slot.end)}
              </span>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

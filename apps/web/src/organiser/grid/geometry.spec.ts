import { clock, dayStep, dayWindow, dropped, programmeDay, instantAt, keyMove, minuteAt, minuteOfDay, moved, offsetOf, resized, roomAt, snap } from './geometry';

const w = { from: 8 * 60, to: 20 * 60 };
const slot = { room: 1, start: 600, end: 660 }; // 10:00–11:00 in the second room

describe('programme grid geometry', () => {
  it('snaps to 5 minutes', () => {
    expect([snap(0), snap(2), snap(3), snap(7), snap(-3), snap(601)]).toEqual([0, 0, 5, 5, -5, 600]);
  });

  it('shows whole hours around the sessions, at least 08:00 to 20:00', () => {
    expect(dayWindow([])).toEqual({ from: 480, to: 1200 });
    expect(dayWindow([{ start: 445, end: 500 }, { start: 1150, end: 1265 }])).toEqual({ from: 420, to: 1320 });
    expect(dayWindow([{ start: 1380, end: 1470 }])).toEqual({ from: 480, to: 1500 });
  });

  it('turns minutes into pixels and pixels back into snapped minutes', () => {
    expect(offsetOf(600, w)).toBe(240);
    expect(minuteAt(240, w)).toBe(600);
    expect(minuteAt(247, w)).toBe(605); // 123.5 min → 605
    expect(minuteAt(244, w)).toBe(600);
  });

  it('finds the room column under the pointer, clamped', () => {
    expect([roomAt(0, 200, 3), roomAt(199, 200, 3), roomAt(200, 200, 3), roomAt(900, 200, 3), roomAt(-5, 200, 3)]).toEqual([0, 0, 1, 2, 0]);
  });

  it('moves by rooms and snapped minutes, keeping the length, inside the window and the rooms', () => {
    expect(moved(slot, 3, 1, 22, w)).toEqual({ room: 2, start: 620, end: 680 });
    expect(moved(slot, 3, 5, -13, w)).toEqual({ room: 2, start: 585, end: 645 });
    expect(moved(slot, 3, -4, -600, w)).toEqual({ room: 0, start: 480, end: 540 });
    expect(moved(slot, 3, 0, 900, w)).toEqual({ room: 1, start: 1140, end: 1200 });
  });

  it('resizes the end, at least 5 minutes long and not past the window', () => {
    expect(resized(slot, 31, w)).toEqual({ room: 1, start: 600, end: 690 });
    expect(resized(slot, -120, w)).toEqual({ room: 1, start: 600, end: 605 });
    expect(resized(slot, 1000, w)).toEqual({ room: 1, start: 600, end: 1200 });
  });

  it('drops an unplaced session where the pointer is, with its own length', () => {
    expect(dropped(90, 2, 842, 3, w)).toEqual({ room: 2, start: 840, end: 930 });
    expect(dropped(0, 0, 1199, 3, w)).toEqual({ room: 0, start: 1195, end: 1200 });
    expect(dropped(60, 0, 1190, 3, w)).toEqual({ room: 0, start: 1140, end: 1200 });
  });

  it('moves with arrow keys: up/down 5 minutes, left/right a room, Shift changes the end', () => {
    expect(keyMove(slot, 'ArrowDown', false, 3, w)).toEqual({ room: 1, start: 605, end: 665 });
    expect(keyMove(slot, 'ArrowUp', false, 3, w)).toEqual({ room: 1, start: 595, end: 655 });
    expect(keyMove(slot, 'ArrowLeft', false, 3, w)).toEqual({ room: 0, start: 600, end: 660 });
    expect(keyMove(slot, 'ArrowRight', false, 3, w)).toEqual({ room: 2, start: 600, end: 660 });
    expect(keyMove({ ...slot, room: 2 }, 'ArrowRight', false, 3, w)).toEqual({ room: 2, start: 600, end: 660 });
    expect(keyMove(slot, 'ArrowDown', true, 3, w)).toEqual({ room: 1, start: 600, end: 665 });
    expect(keyMove(slot, 'ArrowUp', true, 3, w)).toEqual({ room: 1, start: 600, end: 655 });
    expect(keyMove({ room: 0, start: 600, end: 605 }, 'ArrowUp', true, 3, w)).toEqual({ room: 0, start: 600, end: 605 });
    expect(keyMove(slot, 'ArrowLeft', true, 3, w)).toEqual(slot);
    expect(keyMove({ room: 0, start: 480, end: 540 }, 'ArrowUp', false, 3, w)).toEqual({ room: 0, start: 480, end: 540 });
  });

  it('writes clock times, past midnight wrapped', () => {
    expect([clock(0), clock(605), clock(1439), clock(1470)]).toEqual(['00:00', '10:05', '23:59', '00:30']);
  });

  it('converts instants to minutes of a Berlin day and back, summer and winter time', () => {
    expect(minuteOfDay('2020-09-21T08:00:00.000Z', '2020-09-21', 'Europe/Berlin')).toBe(600); // 10:00 CEST
    expect(minuteOfDay('2020-09-21T22:30:00.000Z', '2020-09-21', 'Europe/Berlin')).toBe(1470); // 00:30 next day
    expect(minuteOfDay('2020-12-01T09:00:00.000Z', '2020-12-01', 'Europe/Berlin')).toBe(600); // 10:00 CET
    expect(instantAt(605, '2020-09-21', 'Europe/Berlin')).toBe('2020-09-21T08:05:00.000Z');
    expect(instantAt(1470, '2020-09-21', 'Europe/Berlin')).toBe('2020-09-21T22:30:00.000Z');
    expect(instantAt(600, '2020-12-01', 'Europe/Berlin')).toBe('2020-12-01T09:00:00.000Z');
  });

  it('honours a day change: a 01:30 session belongs to the day before, the window runs to the next 04:00 at most', () => {
    // 2020-09-21T23:30Z is 01:30 on the 22nd in Berlin (CEST).
    expect(programmeDay('2020-09-21T23:30:00.000Z', 'Europe/Berlin', 240)).toBe('2020-09-21');
    expect(programmeDay('2020-09-21T23:30:00.000Z', 'Europe/Berlin', 0)).toBe('2020-09-22');
    expect(programmeDay('2020-09-22T02:00:00.000Z', 'Europe/Berlin', 240)).toBe('2020-09-22'); // 04:00 starts the new day
    expect(minuteOfDay('2020-09-21T23:30:00.000Z', '2020-09-21', 'Europe/Berlin')).toBe(1530);
    expect(dayWindow([{ start: 1530, end: 1590 }], 480, 1200, 240)).toEqual({ from: 480, to: 1620 });
    expect(dayWindow([{ start: 1620, end: 1700 }], 480, 1200, 240)).toEqual({ from: 480, to: 1680 });
    expect(dayWindow([{ start: 180, end: 240 }], 480, 1200, 240)).toEqual({ from: 240, to: 1200 });
  });

  it('steps through the days for the keyboard, stopping at the first and last', () => {
    const days = ['2020-09-21', '2020-09-22', '2020-09-23'];
    expect(dayStep(days, '2020-09-21', 1)).toBe('2020-09-22');
    expect(dayStep(days, '2020-09-23', 1)).toBe('2020-09-23');
    expect(dayStep(days, '2020-09-21', -1)).toBe('2020-09-21');
    expect(dayStep(days, '2020-09-22', -1)).toBe('2020-09-21');
  });
});

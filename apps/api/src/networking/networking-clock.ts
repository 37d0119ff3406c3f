/** The clock rounds and retention read; tests provide their own to move time. */
export const NETWORKING_CLOCK = Symbol('NETWORKING_CLOCK');
export type NetworkingClock = () => number;

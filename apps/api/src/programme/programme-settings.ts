import type { PodiumConfig } from '../config/config';

/** Programme knobs (documented in docs/programme.md). */
export interface ProgrammeSettings {
  /** How often the lifecycle scheduler looks for due transitions; 0 turns the timer off (ticks can still be called). */
  tickMs: number;
}

export const PROGRAMME_SETTINGS = Symbol('podium:programme-settings');

/** Derived from the configuration validated at boot (PROGRAMME_TICK_SECONDS). */
export function programmeSettingsFrom(config: PodiumConfig): ProgrammeSettings {
  return { tickMs: config.programmeTickSeconds * 1000 };
}

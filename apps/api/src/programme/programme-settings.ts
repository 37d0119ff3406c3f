/** Programme knobs read from the environment (documented in docs/programme.md). */
export interface ProgrammeSettings {
  /** How often the lifecycle scheduler looks for due transitions; 0 turns the timer off (ticks can still be called). */
  tickMs: number;
}

export const PROGRAMME_SETTINGS = Symbol('podium:programme-settings');

export function readProgrammeSettings(env: NodeJS.ProcessEnv = process.env): ProgrammeSettings {
  const raw = env.PROGRAMME_TICK_SECONDS?.trim();
  if (!raw) return { tickMs: 5_000 };
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 3600) throw new Error(`PROGRAMME_TICK_SECONDS must be a whole number from 0 to 3600 (got "${raw}")`);
  return { tickMs: n * 1000 };
}

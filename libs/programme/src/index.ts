/** @podium/programme: the conference programme as plain TypeScript (see README.md). */
export * from './model';
export * from './time';
export * from './delay';
export * from './overlap';
export * from './conflicts';
export * from './lifecycle';
export * from './validate';
export * from './queries';
export * from './icalendar';
export * from './uuid';
export * from './generate';
export * from './schedule-json/types';
export * from './schedule-json/export';
export * from './schedule-json/xml';
export * from './schedule-json/import';
export {
  ACRONYM_PATTERN,
  DURATION_PATTERN,
  SLUG_PATTERN,
  TIME_ZONE_NAME_PATTERN,
  formatDuration,
  parseDuration,
  scheduleProblems,
  toAcronym,
  toSlug,
} from './schedule-json/rules';
export * from './placement';
export * from './accessibility-checks';

import type { de } from './de';

/** Every key the German dictionary defines; the English one must define exactly the same. */
export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;
export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];
/** The Intl locale of each interface language. */
export const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

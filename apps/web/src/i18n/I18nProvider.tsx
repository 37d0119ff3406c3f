import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de } from './de';
import { en } from './en';
import type { Language, MessageKey, Messages } from './types';

const DICTIONARIES: Record<Language, Messages> = { de, en };
const LANGUAGE_KEY = 'podium.lang';
const ZONE_KEY = 'podium.zone';

export type Vars = Record<string, string | number>;
/** Looks a key up (its plural form for a numeric `count`) and fills `{name}` placeholders. */
export type Translate = (key: MessageKey, vars?: Vars) => string;
/** 'conference': times in the conference's timezone; 'viewer': in the browser's own. */
export type ZoneChoice = 'conference' | 'viewer';

interface I18nValue {
  lang: Language;
  setLang(lang: Language): void;
  t: Translate;
  zoneChoice: ZoneChoice;
  setZoneChoice(choice: ZoneChoice): void;
  viewerZone: string;
}

const I18nContext = createContext<I18nValue | null>(null);

const PLURALS: Record<Language, Intl.PluralRules> = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') };

/** A numeric `count` picks `key.one` (and any other plural category the language has) when defined, else `key`. */
function pluralKey(lang: Language, key: MessageKey, vars?: Vars): MessageKey {
  if (typeof vars?.count !== 'number') return key;
  const form = `${key}.${PLURALS[lang].select(vars.count)}`;
  return form in DICTIONARIES[lang] ? (form as MessageKey) : key;
}

const NUMBERS: Record<Language, Intl.NumberFormat> = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

/**
 * Looks a key up in its plural form, then fills `{name}` placeholders. A numeric `count` is a quantity: written
 * with the language's digit grouping ("1.200" / "1,200"), after it picked the plural form as the number it is.
 */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[lang][pluralKey(lang, key, vars)] ?? key;
  if (!vars) return text;
  const shown = (name: string) => (name === 'count' && typeof vars.count === 'number' ? NUMBERS[lang].format(vars.count) : String(vars[name]));
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? shown(name) : m));
}

function initialLanguage(): Language {
  const stored = readStorage(LANGUAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return 'de';
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const [zoneChoice, setZoneState] = useState<ZoneChoice>(() => (readStorage(ZONE_KEY) === 'viewer' ? 'viewer' : 'conference'));
  const viewerZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    writeStorage(LANGUAGE_KEY, next);
    setLangState(next);
  }, []);
  const setZoneChoice = useCallback((next: ZoneChoice) => {
    writeStorage(ZONE_KEY, next);
    setZoneState(next);
  }, []);
  const t = useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);

  const value = useMemo(() => ({ lang, setLang, t, zoneChoice, setZoneChoice, viewerZone }), [lang, setLang, t, zoneChoice, setZoneChoice, viewerZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

/** The panels a page has; a tab shows only for a panel that is given (chat and polls plug in here). */
export interface ParticipationPanels {
  fishbowl?: ReactNode;
  questions?: ReactNode;
  chat?: ReactNode;
  polls?: ReactNode;
}

const TABS: { key: keyof ParticipationPanels; label: MessageKey }[] = [
  { key: 'fishbowl', label: 'participation.tab.fishbowl' },
  { key: 'questions', label: 'participation.tab.questions' },
  { key: 'chat', label: 'participation.tab.chat' },
  { key: 'polls', label: 'participation.tab.polls' },
];

/**
 * "Fishbowl · Fragen · Chat · Umfragen" as ARIA tabs with a roving tabindex (arrows, Home, End).
 * Hidden panels stay mounted, so their live connections and announcements go on.
 */
export function ParticipationTabs({ panels, initial }: { panels: ParticipationPanels; initial?: keyof ParticipationPanels }) {
  const { t } = useI18n();
  const base = useId();
  const tabs = TABS.filter((tab) => panels[tab.key] !== undefined && panels[tab.key] !== null);
  const [selected, setSelected] = useState<keyof ParticipationPanels>(initial && panels[initial] ? initial : (tabs[0]?.key ?? 'fishbowl'));
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  if (tabs.length === 0) return null;
  const current = tabs.some((tab) => tab.key === selected) ? selected : tabs[0].key;
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.key === current);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setSelected(tabs[next].key);
    refs.current[tabs[next].key]?.focus();
  };
  return (
    <div className="participation-tabs">
      <div role="tablist" aria-label={t('participation.tabs')} className="participation-tabs__list" onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[tab.key] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={tab.key === current}
            aria-controls={`${base}-panel-${tab.key}`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => setSelected(tab.key)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.key} role="tabpanel" id={`${base}-panel-${tab.key}`} aria-labelledby={`${base}-tab-${tab.key}`} hidden={tab.key !== current} tabIndex={0}>
          {panels[tab.key]}
        </div>
      ))}
    </div>
  );
}

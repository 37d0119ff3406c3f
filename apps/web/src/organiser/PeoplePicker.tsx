import { useEffect, useRef, useState } from 'react';
import type { PersonView, PersonRole } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

const describe = (p: Pick<PersonView, 'name' | 'organisation'>) => (p.organisation ? `${p.name} (${p.organisation})` : p.name);

/** The people of one role: each chosen one with a remove button, and a select plus button to add one (no drag and drop). */
export function PeoplePicker(props: { id: string; role?: PersonRole; label?: string; addLabel?: string; chosen: string[]; people: Pick<PersonView, 'id' | 'name' | 'organisation'>[]; onChange(ids: string[]): void }) {
  const { id, role, chosen, people, onChange } = props;
  const { t } = useI18n();
  const [pick, setPick] = useState('');
  const [refocus, setRefocus] = useState(0);
  const selectRef = useRef<HTMLSelectElement>(null);
  // The removed row's button is gone; the select is the next sensible place for focus.
  useEffect(() => {
    if (refocus) selectRef.current?.focus();
  }, [refocus]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (pid: string) => byId.get(pid)?.name ?? pid;
  const label = props.label ?? t(`org.people.${role}` as MessageKey);
  const left = people.filter((p) => !chosen.includes(p.id));
  const add = () => {
    if (pick && !chosen.includes(pick)) onChange([...chosen, pick]);
    setPick('');
    setRefocus((n) => n + 1);
  };
  return (
    <fieldset className="people-picker" data-role={role}>
      <legend>{label}</legend>
      {chosen.length === 0 ? (
        <p className="muted small">{t('org.people.none')}</p>
      ) : (
        <ul className="plain-list">
          {chosen.map((pid) => (
            <li key={pid} className="people-picker__row">
              <span>{name(pid)}</span>
              <button
                type="button"
                onClick={() => {
                  onChange(chosen.filter((x) => x !== pid));
                  setRefocus((n) => n + 1);
                }}
              >
                {t('org.people.remove')}
                <span className="visually-hidden">
                  : {name(pid)} ({label})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="people-picker__add">
        <label htmlFor={`${id}-pick`}>
          {t('org.people.choose')}
          <span className="visually-hidden"> ({label})</span>
        </label>
        <select id={`${id}-pick`} ref={selectRef} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{left.length > 0 ? t('org.people.placeholder') : t('org.people.allChosen')}</option>
          {left.map((p) => (
            <option key={p.id} value={p.id}>
              {describe(p)}
            </option>
          ))}
        </select>
        <button type="button" onClick={add}>
          {props.addLabel ?? t(`org.people.add.${role}` as MessageKey)}
        </button>
      </div>
    </fieldset>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A destructive action asks once more, inline (no modal, keyboard focus stays in place). */
export function ConfirmButton({ children, question, onConfirm, disabled, danger = true }: { children: ReactNode; question: string; onConfirm(): void; disabled?: boolean; danger?: boolean }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className={danger ? 'button--danger' : undefined} disabled={disabled} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  return (
    <span role="group" aria-label={question} className="confirm">
      <span>{question}</span>
      <button
        ref={yesRef}
        type="button"
        className="button--danger is-solid"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('common.yes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.no')}
      </button>
    </span>
  );
}

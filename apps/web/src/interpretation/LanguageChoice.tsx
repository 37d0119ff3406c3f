import { useI18n } from '../i18n/I18nProvider';
import { languageName } from './language-name';
import { useInterpretation } from './useInterpretation';

/**
 * The listener's language: the floor only, or an interpretation channel (the floor then plays quietly under it).
 * Always mounted inside the LiveKitRoom: it also subscribes the floor, since the room joins with autoSubscribe off.
 */
export function LanguageChoice({ hall = false }: { hall?: boolean }) {
  const { t, lang } = useI18n();
  const { channels, choice, choose, plan } = useInterpretation({ floor: !hall });
  if (!hall && channels.length === 0 && choice === null) return null;
  const missing = choice !== null && plan.play === null;
  return (
    <fieldset className="language-choice" data-testid="language-choice">
      <legend>{t('interpretation.choose')}</legend>
      <label className="language-choice__option">
        <input type="radio" name="interpretation" checked={choice === null} onChange={() => choose(null)} /> {hall ? t('interpretation.hallNone') : t('interpretation.floor')}
      </label>
      {channels.map((c) => (
        <label key={c} className="language-choice__option">
          <input type="radio" name="interpretation" checked={choice === c} onChange={() => choose(c)} /> <span lang={c}>{languageName(c, lang)}</span>
        </label>
      ))}
      <p className="muted" role="status">
        {missing
          ? t(hall ? 'interpretation.hallMissing' : 'interpretation.missing', { language: languageName(choice, lang) })
          : plan.play
            ? t(hall ? 'interpretation.hallHearing' : 'interpretation.hearing', { language: languageName(choice!, lang) })
            : hall && channels.length === 0
              ? t('interpretation.hallNoChannels')
              : ''}
      </p>
    </fieldset>
  );
}

import { calendarUrl, scheduleJsonUrl, scheduleXmlUrl } from '../api/programme';
import { useI18n } from '../i18n/I18nProvider';

/** Subscribe (webcal), download (.ics) and the schedule.json and schedule.xml exports. */
export function CalendarLinks({ slug }: { slug: string }) {
  const { t } = useI18n();
  const ics = calendarUrl(slug);
  const webcal = `webcal://${location.host}${ics}`;
  return (
    <section aria-labelledby="calendar-heading" className="calendar-links">
      <h2 id="calendar-heading" className="h3">
        {t('calendar.heading')}
      </h2>
      <ul className="inline-list">
        <li>
          <a href={webcal}>{t('calendar.subscribe')}</a>
        </li>
        <li>
          <a href={ics} download>
            {t('calendar.download')}
          </a>
        </li>
        <li>
          <a href={scheduleJsonUrl(slug)}>{t('calendar.scheduleJson')}</a>
        </li>
        <li>
          <a href={scheduleXmlUrl(slug)}>{t('calendar.scheduleXml')}</a>
        </li>
      </ul>
      <p className="muted small">
        {t('calendar.copyHint')} <code className="break">{`${location.origin}${ics}`}</code>
      </p>
    </section>
  );
}

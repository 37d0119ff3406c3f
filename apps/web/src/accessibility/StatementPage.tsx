import { useI18n } from '../i18n/I18nProvider';
import { PageFallback } from '../ui/Async';
import { PageTitle } from '../ui/PageTitle';
import { OrganiserText } from './OrganiserText';
import { useAccessibility } from './useAccessibility';

/**
 * "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7): what the organisers entered (contact, feedback, date, known
 * limitations) and the automated checks the software runs. It claims no conformance by itself: automated checks
 * cover only part of WCAG, the organisers state the rest.
 */
export function StatementPage({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useAccessibility(slug);
  if (error) return <PageFallback title={t('access.statementTitle')} error={error} onRetry={reload} />;
  if (!data) return <PageFallback title={t('access.statementTitle')} />;
  const date = data.statementDate ? new Date(`${data.statementDate}T12:00:00Z`).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }) : null;
  return (
    <div className="page statement-page" data-testid="statement">
      <PageTitle title={t('access.statementTitle')} lead={data.conferenceTitle} />
      <section aria-labelledby="st-limits">
        <h2 id="st-limits">{t('access.limitations')}</h2>
        {data.limitations ? <OrganiserText text={data.limitations} /> : <p>{t('access.noLimitations')}</p>}
      </section>
      <section aria-labelledby="st-checks">
        <h2 id="st-checks">{t('access.checks')}</h2>
        <p>{t('access.checksLead')}</p>
        <ul data-testid="statement-checks">
          {data.checks.map((c) => (
            <li key={c.id} lang="de">
              {c.what} <span className="muted">({c.tool})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="st-date">
        <h2 id="st-date">{t('access.date')}</h2>
        <p>{date ? t('access.dateText', { date }) : t('access.noDate')}</p>
      </section>
      <section aria-labelledby="st-feedback">
        <h2 id="st-feedback">{t('access.feedback')}</h2>
        {data.feedback ? <OrganiserText text={data.feedback} /> : <p>{t('access.noFeedback')}</p>}
        {data.contact && (
          <>
            <h3>{t('access.contact')}</h3>
            <OrganiserText text={data.contact} />
          </>
        )}
      </section>
      <section aria-labelledby="st-enforcement">
        <h2 id="st-enforcement">{t('access.enforcement')}</h2>
        <p>
          {t('access.enforcementText')}{' '}
          <a href="https://www.schlichtungsstelle-bgg.de" rel="noopener noreferrer">
            www.schlichtungsstelle-bgg.de
          </a>
        </p>
      </section>
    </div>
  );
}

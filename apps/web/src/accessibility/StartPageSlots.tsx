import { Link, paths } from '../app/router';
import { useI18n } from '../i18n/I18nProvider';
import { OrganiserText } from './OrganiserText';
import { isVideoFile } from './paragraphs';
import { useAccessibility } from './useAccessibility';

/** BITV 2.0 § 4 on the conference start page: the DGS video and the Leichte Sprache text, both in German, and the statement link. */
export function StartPageSlots({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { data } = useAccessibility(slug);
  if (!data) return null;
  return (
    <section className="panel start-slots" aria-labelledby="start-slots-heading" data-testid="start-slots">
      <h2 id="start-slots-heading">{t('access.startHeading')}</h2>
      {data.dgsVideoUrl && (
        <div className="start-slots__dgs" lang="de">
          <h3>Informationen in Deutscher Gebärdensprache (DGS)</h3>
          {isVideoFile(data.dgsVideoUrl) ? (
            <video controls preload="metadata" src={data.dgsVideoUrl} aria-label="Video in Deutscher Gebärdensprache" className="start-slots__video" />
          ) : (
            <p>
              <a href={data.dgsVideoUrl} rel="noopener noreferrer">Video in Deutscher Gebärdensprache ansehen</a>
            </p>
          )}
        </div>
      )}
      {data.easyLanguage && (
        <div className="start-slots__easy" lang="de" data-testid="easy-language">
          <h3>Informationen in Leichter Sprache</h3>
          <OrganiserText text={data.easyLanguage} />
        </div>
      )}
      <p>
        <Link to={paths.accessibility(slug)}>{t('access.statementLink')}</Link>
      </p>
    </section>
  );
}

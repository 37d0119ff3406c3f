import { Link, paths } from '../app/router';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import { PageTitle } from '../ui/PageTitle';
import { AccessibilityTab } from './AccessibilityTab';
import { AttendanceTab } from './AttendanceTab';
import { BoothsTab } from './BoothsTab';
import { ConferenceTab } from './ConferenceTab';
import { ConflictsTab } from './ConflictsTab';
import { GridTab } from './grid/GridTab';
import { ImportTab } from './ImportTab';
import { InterpreterPairs } from './InterpreterPairs';
import { InvitationsTab } from './InvitationsTab';
import { PeopleTab } from './PeopleTab';
import { RoomsTab } from './RoomsTab';
import { SessionsTab } from './SessionsTab';

const TABS = ['conference', 'rooms', 'sessions', 'grid', 'people', 'invitations', 'import', 'conflicts', 'attendance', 'barrierefreiheit', 'markt'] as const;
type Tab = (typeof TABS)[number];

/** Organisers: conferences, rooms, sessions, people and roles, invitations by e-mail, import, conflicts, attendance. */
export function OrganiserPage({ slug, tab }: { slug: string; tab: string }) {
  const { t } = useI18n();
  const { session, rolesIn, loading } = useAuth();
  const current: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'conference';
  const allowed = rolesIn(slug).has('organiser');
  return (
    <div className="page organiser-page">
      <PageTitle title={t('org.title')} lead={t(`org.tab.${current}` as MessageKey)} />
      {!session || (!loading && !allowed) ? <p className="notice notice--error">{t('org.notAllowed')}</p> : null}
      <nav aria-label={t('org.sections')} className="tabs">
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <Link to={paths.organise(slug, name)} aria-current={name === current ? 'page' : undefined}>
                {t(`org.tab.${name}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'conference' && <ConferenceTab slug={slug} />}
      {current === 'rooms' && <RoomsTab slug={slug} />}
      {current === 'sessions' && <SessionsTab slug={slug} />}
      {current === 'grid' && <GridTab slug={slug} />}
      {current === 'people' && <PeopleTab slug={slug} />}
      {current === 'invitations' && <InvitationsTab slug={slug} />}
      {current === 'import' && <ImportTab />}
      {current === 'conflicts' && <ConflictsTab slug={slug} />}
      {current === 'attendance' && <AttendanceTab slug={slug} />}
      {current === 'markt' && <BoothsTab slug={slug} />}
      {current === 'barrierefreiheit' && (
        <>
          <AccessibilityTab slug={slug} />
          <InterpreterPairs slug={slug} />
        </>
      )}
    </div>
  );
}

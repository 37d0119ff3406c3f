import { PageTitle } from '../ui/PageTitle';

export function ModeratorPage(_props: { slug: string; sessionId: string }) {
  return <PageTitle title="ModeratorPage" />;
}

import { PageTitle } from '../ui/PageTitle';

export function LivePage(_props: { slug: string; sessionId: string }) {
  return <PageTitle title="LivePage" />;
}

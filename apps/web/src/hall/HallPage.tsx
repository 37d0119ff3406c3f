import { PageTitle } from '../ui/PageTitle';

export function HallPage(_props: { slug: string; sessionId: string }) {
  return <PageTitle title="HallPage" />;
}

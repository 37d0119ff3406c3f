import { PageTitle } from '../ui/PageTitle';

export function BackstagePage(_props: { slug: string; sessionId: string }) {
  return <PageTitle title="BackstagePage" />;
}

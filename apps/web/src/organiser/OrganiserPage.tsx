import { PageTitle } from '../ui/PageTitle';

export function OrganiserPage(_props: { slug: string; tab: string }) {
  return <PageTitle title="Organisation" />;
}

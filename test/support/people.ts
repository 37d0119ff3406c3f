import type { ConferenceRole } from '@podium/identity';
import type { TestApp } from './app';
import { api } from './app';
import { IdentityService } from '../../apps/api/src/identity/identity.service';

/** Invites a person with a role (as the operator CLI does) and signs them in through the real HTTP route. */
export async function signIn(app: TestApp, role: ConferenceRole, name: string, conferenceSlug: string | null): Promise<{ token: string; personId: string }> {
  const identity = app.podium.app.get(IdentityService);
  let conferenceId: string | null = null;
  if (conferenceSlug) {
    const rows: { id: string }[] = await app.podium.dataSource.query('SELECT id FROM conference WHERE slug = $1', [conferenceSlug]);
    conferenceId = rows[0].id;
  }
  const invitation = await identity.invite({ displayName: name, role, conferenceId });
  const secret = invitation.link.split('/signin/')[1];
  const res = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, personId: invitation.personId };
}

import { Injectable } from '@nestjs/common';
import { DomainError, type CallGrant } from '@podium/contracts';
import { checkCall } from '@podium/networking';
import type { AccessContext } from '../identity/principal';
import { CallRooms } from './call-rooms';
import { ContactRequestsRepository } from './contact-requests-repository';

/** "Kontakt anfragen" becomes a call: a LiveKit room per accepted request, tokens for its two people only. */
@Injectable()
export class ContactCalls {
  constructor(
    private readonly repo: ContactRequestsRepository,
    private readonly calls: CallRooms,
  ) {}

  async join(access: AccessContext, requestId: string): Promise<CallGrant> {
    this.calls.ready();
    const me = access.principal!;
    const row = await this.repo.request(access.conferenceId!, requestId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such contact request');
    const refused = checkCall(row, me.personId);
    if (refused) throw refused;
    const other = row.fromPerson === me.personId ? { personId: row.toPerson, displayName: row.toName } : { personId: row.fromPerson, displayName: row.fromName };
    return this.calls.grant(`podium-call-${row.id}`, { personId: me.personId, displayName: me.displayName }, [other], { kind: 'contact', requestId: row.id });
  }
}

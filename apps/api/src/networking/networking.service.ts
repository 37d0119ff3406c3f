import { Injectable } from '@nestjs/common';
import { DomainError, type ContactRequestStatus, type ContactRequestView, type DirectoryEntry } from '@podium/contracts';
import { checkAnswer, checkRequest, contactVisible } from '@podium/networking';
import { ContactRequestsRepository } from './contact-requests-repository';
import { DirectoryRepository } from './directory-repository';
import type { ContactAnswerDto, DirectoryEntryDto, NewContactRequestDto } from './networking.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opt-in directory and contact requests of a conference: nothing is visible to anyone who did not opt in. */
@Injectable()
export class NetworkingService {
  constructor(
    private readonly directoryRows: DirectoryRepository,
    private readonly requests: ContactRequestsRepository,
  ) {}

  async directory(conferenceId: string, me: string): Promise<DirectoryEntry[]> {
    if (!(await this.directoryRows.listed(conferenceId, me))) throw new DomainError('FORBIDDEN', 'The directory is visible only to people who show themselves in it: opt in first');
    return this.directoryRows.directory(conferenceId);
  }

  async optIn(conferenceId: string, me: string, body: DirectoryEntryDto): Promise<{ listed: true }> {
    await this.directoryRows.upsertEntry(conferenceId, me, {
      function: body.function?.trim() || null,
      organisation: body.organisation?.trim() || null,
      topics: (body.topics ?? []).map((t) => t.trim()),
      contact: body.contact.trim(),
    });
    return { listed: true };
  }

  /** Opting out removes the entry, every request I sent or received here, my speed-networking places and shares. */
  async optOut(conferenceId: string, me: string): Promise<{ listed: false }> {
    await this.directoryRows.deleteEverything(conferenceId, me);
    return { listed: false };
  }

  async request(conferenceId: string, me: string, body: NewContactRequestDto): Promise<{ id: string; status: ContactRequestStatus }> {
    const listed = await this.directoryRows.listedAmong(conferenceId, [me, body.to]);
    const refused = checkRequest(me, body.to, (id) => listed.has(id));
    if (refused) throw refused;
    const created = await this.requests.insertRequest(conferenceId, me, body.to, body.message?.trim() || null);
    if (!created) throw new DomainError('CONFLICT', 'You have asked this person already');
    return created;
  }

  async answer(conferenceId: string, me: string, id: string, body: ContactAnswerDto): Promise<{ id: string; status: ContactRequestStatus }> {
    if (!UUID.test(id)) throw new DomainError('NOT_FOUND', 'No such contact request');
    return this.requests.transaction(async (m) => {
      const row = await this.requests.lockRequest(m, conferenceId, id);
      // Someone else's request is as unknown as a missing one: its existence is nobody else's business.
      if (!row || (row.fromPerson !== me && row.toPerson !== me)) throw new DomainError('NOT_FOUND', 'No such contact request');
      const refused = checkAnswer(row, me);
      if (refused) throw refused;
      const status: ContactRequestStatus = body.accept ? 'accepted' : 'declined';
      await this.requests.answerRequest(m, id, status);
      return { id, status };
    });
  }

  /** My requests, sent and received; the other side's contact only where both agreed. */
  async mine(conferenceId: string, me: string): Promise<ContactRequestView[]> {
    const rows = await this.requests.requestsOf(conferenceId, me);
    return rows.map((r) => {
      const sent = r.fromPerson === me;
      return {
        id: r.id,
        direction: sent ? 'sent' : 'received',
        other: { personId: sent ? r.toPerson : r.fromPerson, displayName: r.otherName },
        message: r.message,
        status: r.status,
        contact: contactVisible(r) ? r.otherContact : null,
        createdAt: new Date(r.createdAt).toISOString(),
      };
    });
  }
}

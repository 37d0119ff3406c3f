import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type DeliveryProgress, type ImportPreview, type ParticipantDelivery } from '@podium/contracts';
import { DEFAULT_TEMPLATES, MAIL_KINDS, personEditProblem, readParticipantList, templateProblem, type MailKind, type MailLanguage, type MailTemplate, type ParticipantList } from '@podium/identity';
import { MailOutbox } from './mail-outbox';
import { ParticipantsRepository } from './participants-repository';
import { personTenancy } from '../programme/people-repository';

/** Participant lists, invitation mails and their delivery state for organisers of one conference. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ParticipantsRepository,
    private readonly outbox: MailOutbox,
  ) {}

  /** Every problem of the list, per row, including addresses already on this conference's list; writes nothing. */
  async preview(conferenceId: string, csv: string): Promise<ImportPreview> {
    const list = await this.check(conferenceId, csv);
    return { valid: list.rows.length, errors: list.errors, people: list.rows };
  }

  /** All or nothing: a list with any error writes nothing; a good one is written in one transaction. */
  async import(conferenceId: string, csv: string): Promise<{ imported: number }> {
    return this.db.transaction(async (m) => {
      await this.repo.lockImport(m, conferenceId);
      const list = await this.check(conferenceId, csv, m);
      if (list.errors.length > 0) throw new DomainError('VALIDATION', `The list has ${list.errors.length} error(s); nothing was imported`, { errors: list.errors });
      if (list.rows.length === 0) throw new DomainError('VALIDATION', 'The list has nobody on it');
      const rows = list.rows;
      const idByEmail = await this.repo.insertPeople(m, rows);
      const ids = rows.map((r) => idByEmail.get(r.email)!);
      await this.repo.insertRoles(m, conferenceId, ids, rows);
      await this.repo.insertParticipants(m, conferenceId, ids, rows);
      return { imported: rows.length };
    });
  }

  private async check(conferenceId: string, csv: string, m?: EntityManager): Promise<ParticipantList> {
    const list = readParticipantList(csv);
    const taken = new Set(await this.repo.emails(conferenceId, m));
    const again = list.rows.filter((r) => taken.has(r.email));
    const errors = [...list.errors, ...again.map((r) => ({ line: r.line, field: 'email', message: 'This address is already on the list of this conference' }))];
    errors.sort((a, b) => a.line - b.line);
    return { rows: list.rows.filter((r) => !taken.has(r.email)), errors };
  }

  /** Queues one mail per person and kind; queuing again is a no-op (same idempotency key). Invitations bring a reminder the day before. */
  async send(conferenceId: string, kind: MailKind, personIds: string[] | null): Promise<{ queued: number }> {
    const queued = await this.outbox.enqueue(conferenceId, kind, personIds);
    this.outbox.kick();
    return { queued };
  }

  /** Withdraws a person's links of this conference and their mails not yet sent (or in doubt: "send again" resolves those). */
  async withdraw(conferenceId: string, personId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.participantOrFail(conferenceId, personId, m);
      await this.repo.revokeLinks(m, conferenceId, personId);
      await this.repo.withdrawMails(m, conferenceId, personId);
    });
  }

  /** A new invitation with a new link (the old ones are withdrawn first): a new generation, so a new idempotency key. */
  async sendAgain(conferenceId: string, personId: string): Promise<{ queued: number }> {
    await this.withdraw(conferenceId, personId);
    await this.repo.nextGeneration(conferenceId, personId);
    return this.send(conferenceId, 'invitation', [personId]);
  }

  private async participantOrFail(conferenceId: string, personId: string, m: EntityManager) {
    if (!(await this.repo.isParticipant(m, conferenceId, personId))) throw new DomainError('NOT_FOUND', 'No such person on the participant list');
  }

  async participants(conferenceId: string): Promise<ParticipantDelivery[]> {
    const rows = await this.repo.deliveries(conferenceId);
    return rows.map((r) => ({
      personId: r.person_id,
      name: r.display_name,
      email: r.email,
      organisation: r.organisation,
      function: r.function,
      role: r.role,
      language: r.language,
      erasureRequestedAt: r.erasure_requested_at ? new Date(r.erasure_requested_at).toISOString() : null,
      invitation: r.state ? { state: r.state, attempts: r.attempts ?? 0, lastError: r.last_error, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, signedIn: r.signed_in, sentAgain: r.doubted === true } : null,
    }));
  }

  async progress(conferenceId: string): Promise<DeliveryProgress> {
    return this.repo.progress(conferenceId);
  }

  /** The templates in use: the organiser's where saved, the defaults otherwise. */
  async templates(conferenceId: string): Promise<{ kind: MailKind; language: MailLanguage; subject: string; body: string; custom: boolean }[]> {
    const saved = await this.repo.templates(conferenceId);
    return MAIL_KINDS.flatMap((kind) =>
      (['de', 'en'] as const).map((language) => {
        const own = saved.find((s) => s.kind === kind && s.language === language);
        return { kind, language, ...(own ? { subject: own.subject, body: own.body } : DEFAULT_TEMPLATES[kind][language]), custom: !!own };
      }),
    );
  }

  async saveTemplate(conferenceId: string, kind: MailKind, language: MailLanguage, template: MailTemplate): Promise<void> {
    const problem = templateProblem(template);
    if (problem) throw new DomainError('VALIDATION', problem, { field: 'body' });
    await this.repo.saveTemplate(conferenceId, kind, language, template);
  }

  /** A person asks for their data to be deleted; asking twice keeps the first time. */
  async requestErasure(personId: string): Promise<{ requestedAt: string }> {
    return { requestedAt: new Date(await this.repo.requestErasure(personId)).toISOString() };
  }

  /**
   * The organiser carries out an erasure: name, e-mail, function and organisation are erased, every sign-in
   * link withdrawn, mails not yet sent dropped. The person row stays (anonymised) so minutes and votes that
   * mention it stay consistent. Only for people of this conference alone (tenancy), unless a platform organiser.
   */
  async erase(conferenceId: string, personId: string, editor: { platformOrganiser: boolean }): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.participantOrFail(conferenceId, personId, m);
      const problem = personEditProblem(await personTenancy(m, conferenceId, personId), editor);
      if (problem === 'not-found') throw new DomainError('NOT_FOUND', 'No such person on the participant list');
      if (problem === 'shared') throw new DomainError('FORBIDDEN', 'This person also appears in another conference; only a platform organiser may erase their data');
      await this.repo.revokeAllLinks(m, personId);
      await this.repo.deleteMails(m, personId);
      await this.repo.deleteParticipant(m, personId);
      await this.repo.deleteErasureRequest(m, personId);
      await this.repo.anonymise(m, personId);
    });
  }
}

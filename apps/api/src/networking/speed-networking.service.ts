import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DomainError, type CallGrant, type SpeedGroupView, type SpeedNetworkingView } from '@podium/contracts';
import { allows } from '@podium/identity';
import { metPairs, pairRound, roundAt, sharedBetween } from '@podium/networking';
import { IdentityService } from '../identity/identity.service';
import type { AccessContext } from '../identity/principal';
import { CallRooms } from './call-rooms';
import { NETWORKING_CLOCK, type NetworkingClock } from './networking-clock';
import { DirectoryRepository } from './directory-repository';
import type { NewSpeedNetworkingDto } from './networking.dto';
import { SpeedRepository, type GroupRow, type SpeedRow } from './speed-repository';

const notFound = () => new DomainError('NOT_FOUND', 'No such speed networking in this conference');

/** Speed networking: organisers and moderators run rounds; people from the directory take part and meet in pairs. */
@Injectable()
export class SpeedNetworkingService {
  constructor(
    private readonly repo: SpeedRepository,
    private readonly people: DirectoryRepository,
    private readonly identity: IdentityService,
    private readonly calls: CallRooms,
    @Inject(NETWORKING_CLOCK) private readonly clock: NetworkingClock,
  ) {}

  /** Organisers and conference moderators run any; a session's moderators run those of their session. */
  private async mayRun(access: AccessContext, sessionId: string | null): Promise<void> {
    const p = access.principal!;
    const roles = sessionId ? await this.identity.rolesFor(p.personId, access.conferenceId, sessionId, p.guest) : access.roles;
    if (!allows('session.moderate', roles)) throw new DomainError('FORBIDDEN', 'Only organisers and moderators run speed networking');
  }

  async create(access: AccessContext, body: NewSpeedNetworkingDto): Promise<SpeedNetworkingView> {
    const conferenceId = access.conferenceId!;
    if (body.sessionId && !(await this.repo.sessionInConference(conferenceId, body.sessionId))) throw new DomainError('NOT_FOUND', 'No such session in this conference', { sessionId: body.sessionId });
    await this.mayRun(access, body.sessionId ?? null);
    const row = await this.repo.create(conferenceId, body.sessionId ?? null, body.minutes, body.rounds, body.byTopic ?? false, randomInt(0, 2 ** 31 - 1), access.principal!.personId);
    return this.viewOf(row, access.principal!.personId);
  }

  async list(access: AccessContext): Promise<SpeedNetworkingView[]> {
    const me = access.principal!.personId;
    return Promise.all((await this.repo.list(access.conferenceId!)).map((row) => this.viewOf(row, me)));
  }

  async view(access: AccessContext, id: string): Promise<SpeedNetworkingView> {
    return this.viewOf(await this.find(access, id), access.principal!.personId);
  }

  /** Take part (people in the directory only), or leave: the next draw goes without me. */
  async join(access: AccessContext, id: string, present: boolean): Promise<SpeedNetworkingView> {
    const row = await this.find(access, id);
    const me = access.principal!.personId;
    if (present && !(await this.people.listed(row.conferenceId, me))) throw new DomainError('FORBIDDEN', 'Opt in to the directory first: speed networking is for people who show themselves');
    if (present && roundAt(row.startedAt, row.minutes, row.rounds, this.clock()).status === 'done') throw new DomainError('CONFLICT', 'These rounds are over', { networking: 'done' });
    await this.repo.setPresent(row.id, me, present);
    return this.viewOf(row, me);
  }

  async start(access: AccessContext, id: string): Promise<SpeedNetworkingView> {
    const row = await this.find(access, id);
    await this.mayRun(access, row.sessionId);
    if (row.startedAt !== null) throw new DomainError('CONFLICT', 'These rounds have started already', { networking: 'started' });
    if ((await this.repo.presentCount(row.id, row.conferenceId)) < 2) throw new DomainError('CONFLICT', 'At least two people must take part', { networking: 'too-few' });
    const now = this.clock();
    if (!(await this.repo.start(row.id, now))) throw new DomainError('CONFLICT', 'These rounds have started already', { networking: 'started' });
    return this.viewOf({ ...row, startedAt: now }, access.principal!.personId);
  }

  /** A token for my group's room in the current round; nobody else gets one. */
  async call(access: AccessContext, id: string): Promise<CallGrant> {
    this.calls.ready();
    const row = await this.find(access, id);
    const me = access.principal!.personId;
    const view = await this.viewOf(row, me);
    if (!view.current) throw new DomainError('CONFLICT', view.status === 'running' ? 'You are not in a group this round: you join at the next draw' : 'No round is running', { networking: view.status === 'running' ? 'waiting' : 'no-round' });
    const members = view.current.members.map((m) => ({ personId: m.personId, displayName: m.displayName }));
    return this.calls.grant(`podium-speed-${view.current.groupId}`, { personId: me, displayName: access.principal!.displayName }, members, { kind: 'speed', speedId: row.id, groupId: view.current.groupId });
  }

  /** Share my contact details with the people of one of my groups (or take that back); they cross only both ways. */
  async share(access: AccessContext, id: string, groupId: string, share: boolean): Promise<SpeedGroupView> {
    const row = await this.find(access, id);
    const me = access.principal!.personId;
    const group = await this.repo.group(row.id, groupId);
    if (!group || !group.members.includes(me)) throw new DomainError('NOT_FOUND', 'No such group of yours');
    await this.repo.setShare(group.id, me, share);
    return (await this.groupViews(row.conferenceId, [group], me))[0];
  }

  private async find(access: AccessContext, id: string): Promise<SpeedRow> {
    const row = await this.repo.find(access.conferenceId!, id);
    if (!row) throw notFound();
    return row;
  }

  private async viewOf(row: SpeedRow, me: string): Promise<SpeedNetworkingView> {
    const at = roundAt(row.startedAt, row.minutes, row.rounds, this.clock());
    if (at.status === 'running') await this.draw(row, at.round);
    const mine = await this.repo.myGroups(row.id, me);
    const groups = await this.groupViews(row.conferenceId, mine, me);
    return {
      id: row.id,
      sessionId: row.sessionId,
      minutes: row.minutes,
      rounds: row.rounds,
      byTopic: row.byTopic,
      status: at.status,
      round: at.status === 'running' ? at.round : null,
      roundEndsAt: at.status === 'running' ? new Date(at.endsAt).toISOString() : null,
      present: await this.repo.presentCount(row.id, row.conferenceId),
      joined: await this.repo.isPresent(row.id, me),
      current: at.status === 'running' ? (groups.find((g) => g.round === at.round) ?? null) : null,
      groups,
    };
  }

  /** The groups of a round, drawn once (the first to look draws, under the run's row lock) among the people present then. */
  private async draw(row: SpeedRow, round: number): Promise<void> {
    const known = await this.repo.groups(row.id);
    if (known.some((g) => g.round === round)) return;
    await this.repo.transaction(async (m) => {
      await this.repo.find(row.conferenceId, row.id, m, true);
      const groups = await this.repo.groups(row.id, m);
      if (groups.some((g) => g.round === round)) return;
      const people = await this.repo.candidates(m, row.id, row.conferenceId);
      await this.repo.insertGroups(m, row.id, round, pairRound(people, metPairs(groups.map((g) => g.members)), row.seed + round, row.byTopic));
    });
  }

  private async groupViews(conferenceId: string, groups: GroupRow[], me: string): Promise<SpeedGroupView[]> {
    const people = await this.repo.members(conferenceId, [...new Set(groups.flatMap((g) => g.members))]);
    const shares = await this.repo.shares(groups.map((g) => g.id));
    return groups.map((g) => {
      const shared = shares.get(g.id) ?? new Set<string>();
      return {
        groupId: g.id,
        round: g.round,
        shared: shared.has(me),
        members: g.members
          .filter((id) => id !== me)
          .map((id) => {
            const p = people.get(id) ?? { personId: id, displayName: '?', contact: null };
            return { personId: id, displayName: p.displayName, contact: sharedBetween(shared, me, id) ? p.contact : null };
          }),
      };
    });
  }
}

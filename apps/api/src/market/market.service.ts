import { Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import { DomainError, FORUM_LIMITS, type BoothActor, type BoothContact, type BoothPlace, type BoothSetupView, type BoothSummary } from '@podium/contracts';
import { allows } from '@podium/identity';
import { boothRoomName, boothWaitMs, type BoothState } from '@podium/market';
import { participantIdentity, tokenTimes, toVideoGrant } from '@podium/livestream';
import { IdentityService } from '../identity/identity.service';
import type { AccessContext, Principal } from '../identity/principal';
import { LiveKitRooms } from '../livestream/livekit-rooms';
import { BoothStore } from './booth-store';
import { BoothsRepository, type BoothFields, type BoothRow } from './booths-repository';
import type { NewBoothDto } from './market.dto';

/** The organisers changing a booth's size through its live state. */
const ORGANISERS: BoothActor = { personId: 'organisers', displayName: 'Organisation', staff: true };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOOTH_TTL_MS = 5_000;
const ROOM_CACHE_MS = 60_000;
/** Camera and microphone for everyone at a booth: it is a conversation at a stand. */
const TALK = { canSubscribe: true, canPublish: true, canPublishData: false, canPublishSources: ['camera', 'microphone'] as ('camera' | 'microphone')[], roomAdmin: false, hidden: false, canUpdateMetadata: false };

/** The market: booths of a conference, their presence and queue (BoothStore), tokens for their rooms, contacts. */
@Injectable()
export class MarketService {
  private readonly booths = new Map<string, { at: number; row: Promise<BoothRow | null> }>();
  private readonly rooms = new Map<string, number>();

  constructor(
    private readonly repository: BoothsRepository,
    private readonly store: BoothStore,
    private readonly livekit: LiveKitRooms,
    private readonly identity: IdentityService,
  ) {}

  /** Following a booth's queue (`/market`) is for everyone of its conference, as visiting it is; NOT_FOUND for no booth. */
  async refuseUnlessOfConference(principal: Principal, boothId: string): Promise<void> {
    const conferenceId = UUID.test(boothId) ? await this.repository.conferenceOf(boothId) : null;
    if (!conferenceId) throw new DomainError('NOT_FOUND', 'No such booth');
    const roles = await this.identity.rolesFor(principal.personId, conferenceId, null, principal.guest);
    if (!allows('conference.read', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this booth’s conference');
  }

  async list(conferenceId: string): Promise<BoothSummary[]> {
    const out: BoothSummary[] = [];
    for (const id of await this.repository.ids(conferenceId)) {
      const booth = (await this.booth(conferenceId, id))!;
      out.push(summary(booth, await this.store.current(id)));
    }
    return out;
  }

  async create(conferenceId: string, body: NewBoothDto): Promise<BoothSummary> {
    await this.checkReferences(conferenceId, body);
    const id = await this.repository.insert(conferenceId, fields(body));
    const booth = (await this.booth(conferenceId, id))!;
    return summary(booth, await this.store.current(id));
  }

  async setup(conferenceId: string): Promise<BoothSetupView> {
    const rows = await this.repository.all(conferenceId);
    const people = await this.repository.people(conferenceId);
    return {
      booths: rows.map((r) => ({ id: r.id, name: r.name, description: r.description, links: r.links, logoUrl: r.logo_url, capacity: r.capacity, staff: r.staff })),
      people: people.map((p) => ({ id: p.id, name: p.display_name, organisation: p.organisation })),
    };
  }

  /** The whole booth is replaced; a new size reaches its live state at once (the queue is kept). */
  async update(conferenceId: string, boothId: string, body: NewBoothDto): Promise<BoothSummary> {
    if (!(await this.booth(conferenceId, boothId))) throw new DomainError('NOT_FOUND', 'No such booth in this conference');
    await this.checkReferences(conferenceId, body);
    const written = fields(body);
    await this.repository.update(conferenceId, boothId, written);
    this.booths.delete(`${conferenceId}/${boothId}`);
    if ((await this.store.current(boothId)).capacity !== written.capacity) await this.store.submit(boothId, { type: 'set-capacity', actor: ORGANISERS, capacity: written.capacity });
    return summary((await this.booth(conferenceId, boothId))!, await this.store.current(boothId));
  }

  /** The booth and everything of it: staff, contacts, live state and log (cascade), and its chat room. */
  async remove(conferenceId: string, boothId: string): Promise<void> {
    if (!(await this.booth(conferenceId, boothId))) throw new DomainError('NOT_FOUND', 'No such booth in this conference');
    await this.repository.remove(conferenceId, boothId);
    this.booths.delete(`${conferenceId}/${boothId}`);
  }

  /** Staff must be people of this conference, the session one of its sessions. */
  private async checkReferences(conferenceId: string, body: NewBoothDto): Promise<void> {
    for (const personId of body.staff ?? []) {
      if (!(await this.repository.belongsHere(conferenceId, personId))) throw new DomainError('NOT_FOUND', 'No such person in this conference', { personId });
    }
    if (body.sessionId) {
      if (!(await this.repository.hasSession(conferenceId, body.sessionId))) throw new DomainError('NOT_FOUND', 'No such session in this conference', { sessionId: body.sessionId });
    }
  }

  /** Staff and the conference's organisers run a booth; everyone of the conference visits. */
  async actor(access: AccessContext, conferenceId: string, boothId: string): Promise<{ actor: BoothActor; booth: BoothRow }> {
    const booth = await this.booth(conferenceId, boothId);
    if (!booth) throw new DomainError('NOT_FOUND', 'No such booth in this conference');
    const p = access.principal!;
    const staff = booth.staff.includes(p.personId) || allows('conference.manage', access.roles);
    return { actor: { personId: p.personId, displayName: p.displayName.slice(0, FORUM_LIMITS.displayNameMaxLength), staff }, booth };
  }

  async visit(access: AccessContext, conferenceId: string, boothId: string): Promise<BoothPlace> {
    this.livekit.target(); // media off: 503 before anyone is queued
    const { actor } = await this.actor(access, conferenceId, boothId);
    await this.store.submit(boothId, { type: 'visit', actor });
    return this.placeOf(boothId, actor);
  }

  async staffEnter(access: AccessContext, conferenceId: string, boothId: string): Promise<BoothPlace> {
    this.livekit.target();
    const { actor } = await this.actor(access, conferenceId, boothId);
    await this.store.submit(boothId, { type: 'staff-enter', actor });
    return this.placeOf(boothId, actor);
  }

  async leave(access: AccessContext, conferenceId: string, boothId: string): Promise<{ left: true }> {
    const { actor } = await this.actor(access, conferenceId, boothId);
    // Out of everything at this booth: its queue, its room, and staffing it. The cache tells which applies
    // (one transaction instead of two); a stale cache only costs a no-op command.
    const state = this.store.cached(boothId) ?? (await this.store.current(boothId));
    const inside = [...state.visitors, ...state.queue].some((p) => p.personId === actor.personId);
    const staffing = state.staff.some((p) => p.personId === actor.personId);
    if (inside || !staffing) await this.store.submit(boothId, { type: 'leave', actor });
    if (staffing) await this.store.submit(boothId, { type: 'staff-leave', actor });
    return { left: true };
  }

  async inviteNext(access: AccessContext, conferenceId: string, boothId: string): Promise<{ personId: string }> {
    const { actor } = await this.actor(access, conferenceId, boothId);
    const result = await this.store.submit(boothId, { type: 'invite-next', actor });
    return { personId: (result.events[0] as { personId: string }).personId };
  }

  async leaveContact(access: AccessContext, conferenceId: string, boothId: string, contact: string): Promise<BoothContact> {
    const { actor } = await this.actor(access, conferenceId, boothId);
    const state = await this.store.current(boothId);
    if (!state.visitors.some((v) => v.personId === actor.personId)) throw new DomainError('CONFLICT', 'Leave your contact while you visit the booth', { market: 'not-visiting' });
    const at = await this.repository.saveContact(boothId, actor.personId, contact.trim());
    return { personId: actor.personId, displayName: actor.displayName, contact: contact.trim(), at: at.toISOString() };
  }

  async contacts(access: AccessContext, conferenceId: string, boothId: string): Promise<BoothContact[]> {
    const { actor } = await this.actor(access, conferenceId, boothId);
    if (!actor.staff) throw new DomainError('FORBIDDEN', 'Only the staff of this booth see the contacts left for it');
    const rows = await this.repository.contacts(boothId);
    return rows.map((r) => ({ personId: r.person_id, displayName: r.display_name, contact: r.contact, at: new Date(r.created_at).toISOString() }));
  }

  /** In the booth: a token for its room; in the queue: the place and the expected wait. */
  private async placeOf(boothId: string, actor: BoothActor): Promise<BoothPlace> {
    // Right after this process's own commit the cache holds it: no second round trip to the log.
    const state = this.store.cached(boothId) ?? (await this.store.current(boothId));
    const busy = { visitors: state.visitors.length, capacity: state.capacity };
    const inside = state.visitors.some((v) => v.personId === actor.personId) || state.staff.some((s) => s.personId === actor.personId);
    if (!inside) {
      const position = state.queue.findIndex((q) => q.personId === actor.personId);
      return { status: 'queued', position: position + 1, expectedWaitMs: boothWaitMs(state, position), ...busy };
    }
    const target = this.livekit.target();
    const room = await this.ensureRoom(boothId);
    const times = tokenTimes(Date.now());
    const at = new AccessToken(target.apiKey, target.apiSecret, { identity: participantIdentity(actor.personId), name: actor.displayName, ttl: times.expiresAt - times.issuedAt });
    at.addGrant(toVideoGrant(TALK, room));
    return { status: 'in', room, url: target.url, token: await at.toJwt(), expiresAt: new Date(times.expiresAt * 1000).toISOString(), ...busy };
  }

  private async ensureRoom(boothId: string): Promise<string> {
    const name = boothRoomName(boothId);
    if ((this.rooms.get(name) ?? 0) > Date.now() && !this.livekit.outage) {
      await this.livekit.ensureReachable();
      return name;
    }
    await this.livekit.call('createRoom', (c) => c.createRoom({ name, emptyTimeout: 15 * 60, departureTimeout: 60, metadata: JSON.stringify({ podium: 1, boothId, kind: 'booth' }) }));
    this.rooms.set(name, Date.now() + ROOM_CACHE_MS);
    return name;
  }

  /** The booth (with its staff) if it belongs to this conference; cached briefly against visit storms. */
  private async booth(conferenceId: string, boothId: string): Promise<BoothRow | null> {
    if (!UUID.test(boothId)) return null;
    const key = `${conferenceId}/${boothId}`;
    let hit = this.booths.get(key);
    if (!hit || Date.now() - hit.at > BOOTH_TTL_MS) {
      hit = {
        at: Date.now(),
        row: this.repository.find(conferenceId, boothId),
      };
      this.booths.set(key, hit);
      hit.row.catch(() => this.booths.delete(key));
    }
    return hit.row;
  }
}

/** The booth as written: trimmed name, defaults filled in, each staff member once. */
function fields(body: NewBoothDto): BoothFields {
  return {
    sessionId: body.sessionId ?? null,
    name: body.name.trim(),
    description: body.description ?? '',
    links: body.links ?? [],
    logoUrl: body.logoUrl ?? null,
    capacity: body.capacity ?? 6,
    staff: new Set(body.staff ?? []),
  };
}

function summary(booth: BoothRow, state: BoothState): BoothSummary {
  return {
    id: booth.id,
    name: booth.name,
    description: booth.description,
    links: booth.links,
    logoUrl: booth.logo_url,
    open: state.staff.length > 0,
    staffPresent: state.staff.map((s) => s.displayName),
    visitors: state.visitors.length,
    capacity: state.capacity,
    queue: state.queue.length,
  };
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type PersonRole, type PersonView, type PersonWithSessions } from '@podium/contracts';
import { allows, normaliseDisplayName, personEditProblem } from '@podium/identity';
import { LIMITS, validatePerson, type Person } from '@podium/programme';
import { IdentityService } from '../identity/identity.service';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreatePersonDto, UpdatePersonDto } from './dto/resources.dto';
import { isUuid, ProgrammeStore } from './programme-store';
import { PeopleRepository } from './people-repository';
import { toPerson } from './rows';
import { personView } from './views';

/** People on a conference's programme (name, function, organisation); their session roles are set on sessions. */
/** Names are kept as guests' and invitations' are (NFC, no invisible or bidi characters, spaces collapsed), so look-alikes cannot pass as someone. */
function displayName(raw: string): string {
  // Programme names may be longer than a guest's (titles and offices): the programme's own limit.
  const name = normaliseDisplayName(raw, LIMITS.name);
  if (!name) throw new DomainError('VALIDATION', `name must be 1 to ${LIMITS.name} visible characters`, { field: 'name' });
  return name;
}

@ApiTags('programme')
@Controller('api/conferences/:slug/people')
export class PeopleController {
  constructor(
    private readonly people: PeopleRepository,
    private readonly store: ProgrammeStore,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'People on the sessions of the programme, with their session roles (organisers: everybody of the conference)' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<PersonWithSessions[]> {
    const conference = await this.store.visibleConference(slug, access);
    const organiser = await this.organises(conference.id, access);
    const [people, roles] = await Promise.all([this.store.people(conference.id), this.people.sessionRoles(conference.id)]);
    const byPerson = new Map<string, Array<{ sessionId: string; role: PersonRole }>>();
    for (const r of roles) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { sessionId: r.session_id, role: r.role }]);
    // Invited people on no session stay private: only the conference's organisers see them.
    const shown = organiser ? people : people.filter((row) => byPerson.has(row.id));
    return shown.map((row) => ({ ...personView(toPerson(row)), sessions: byPerson.get(row.id) ?? [] }));
  }

  @Post()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Add a person to the programme' })
  async create(@Body() body: CreatePersonDto, @CurrentAccess() access: AccessContext): Promise<PersonView> {
    const person = validatePerson(this.merge({ id: 'new', name: body.name }, body));
    const id = await this.people.create(access.conferenceId!, person);
    return personView({ ...person, id });
  }

  @Patch(':personId')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Change a person' })
  async update(@Param('personId') personId: string, @Body() body: UpdatePersonDto, @CurrentAccess() access: AccessContext): Promise<PersonView> {
    const current = await this.findEditable(access, personId);
    const person = validatePerson(this.merge(current, body));
    await this.people.update(access.conferenceId!, personId, person);
    return personView(person);
  }

  @Delete(':personId')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Take a person off this programme (and off its sessions); the account stays' })
  async remove(@Param('personId') personId: string, @CurrentAccess() access: AccessContext) {
    await this.findEditable(access, personId);
    await this.people.removeFromConference(access.conferenceId!, personId);
  }

  private merge(current: Person, body: UpdatePersonDto): Person {
    const pick = <T>(given: T | null | undefined, existing: T | undefined) => (given === null ? undefined : given === undefined ? existing : given);
    return {
      ...current,
      name: body.name === undefined ? current.name : displayName(body.name),
      function: pick(body.function, current.function),
      organisation: pick(body.organisation, current.organisation),
      biography: pick(body.biography, current.biography),
    };
  }

  private async organises(conferenceId: string, access: AccessContext): Promise<boolean> {
    if (!access.principal) return false;
    return allows('conference.manage', await this.identity.rolesFor(access.principal.personId, conferenceId, null, access.principal.guest));
  }

  /** The person, if this caller may change them here: shared people only by a platform organiser (see @podium/identity tenancy). */
  private async findEditable(access: AccessContext, personId: string): Promise<Person> {
    const conferenceId = access.conferenceId!;
    if (!isUuid(personId)) throw new DomainError('NOT_FOUND', 'No such person on this programme');
    const problem = personEditProblem(await this.people.tenancy(conferenceId, personId), access.roles);
    if (problem === 'not-found') throw new DomainError('NOT_FOUND', 'No such person on this programme');
    if (problem === 'shared') {
      throw new DomainError(
        'FORBIDDEN',
        'This person also appears in another conference (or organises the platform); only they or a platform organiser may change their shared fields',
      );
    }
    const person = await this.people.find(conferenceId, personId);
    if (!person) throw new DomainError('NOT_FOUND', 'No such person on this programme');
    return toPerson(person);
  }
}

import { ConferenceRoleEntity } from '../identity/entities/conference-role.entity';
import { InvitationEntity } from '../identity/entities/invitation.entity';
import { PersonEntity } from '../identity/entities/person.entity';

/**
 * The TypeORM entities, listed explicitly (no globbing in the compiled build): only identity's three
 * tables, which IdentityService reads and writes through TypeORM repositories. Every other domain
 * writes SQL by hand behind its `*-repository.ts` modules (docs/architecture.md, "Persistence").
 */
export const entities = [PersonEntity, ConferenceRoleEntity, InvitationEntity];

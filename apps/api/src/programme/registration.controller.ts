import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { ProgrammeStore } from './programme-store';
import { Registrations } from './registrations.service';
import type { RegistrationState } from '@podium/contracts';

/** A signed-in attendee takes or gives back a seat in a session with limited places (409 when full). */
@ApiTags('programme')
@Controller('api/sessions/:id/registration')
export class RegistrationController {
  constructor(
    private readonly registrations: Registrations,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.signedIn()
  @ApiOperation({ summary: 'Whether I am registered, and how many places are taken' })
  async get(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<RegistrationState> {
    await this.store.visibleSession(id, access);
    return this.registrations.state(id, access.principal!.personId);
  }

  @Post()
  @HttpCode(200)
  @Access.to('person.self', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Register (idempotent; 409 when the session is full)' })
  async register(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<RegistrationState> {
    await this.store.visibleSession(id, access);
    return this.registrations.register(id, access.principal!.personId);
  }

  @Delete()
  @HttpCode(200)
  @Access.to('person.self', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Give the place back' })
  async unregister(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<RegistrationState> {
    return this.registrations.unregister(id, access.principal!.personId);
  }
}

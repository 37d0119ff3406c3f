import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeliveryProgress, ImportPreview, ParticipantDelivery } from '@podium/contracts';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { MailTemplateDto, ParticipantListDto, SendMailsDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

/** Organisers bring people in: participant list import, invitation mails, delivery state, templates. */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller('api/conferences/:slug')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('participants/preview')
  @HttpCode(200)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Check a participant list (CSV): every error per row; nothing is written' })
  preview(@Body() body: ParticipantListDto, @CurrentAccess() access: AccessContext): Promise<ImportPreview> {
    return this.invitations.preview(access.conferenceId!, body.csv);
  }

  @Post('participants/import')
  @HttpCode(201)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Import a participant list (CSV) in one transaction; any error imports nothing' })
  import(@Body() body: ParticipantListDto, @CurrentAccess() access: AccessContext) {
    return this.invitations.import(access.conferenceId!, body.csv);
  }

  @Get('participants')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'The participant list with e-mail addresses and delivery state (organisers of this conference only)' })
  participants(@CurrentAccess() access: AccessContext): Promise<ParticipantDelivery[]> {
    return this.invitations.participants(access.conferenceId!);
  }

  @Post('participants/:personId/withdraw')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: "Withdraw a person's sign-in links of this conference and their mails not yet sent" })
  async withdraw(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentAccess() access: AccessContext) {
    await this.invitations.withdraw(access.conferenceId!, personId);
  }

  @Post('participants/:personId/resend')
  @HttpCode(202)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Withdraw the old link and send a new invitation' })
  resend(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentAccess() access: AccessContext) {
    return this.invitations.sendAgain(access.conferenceId!, personId);
  }

  @Post('participants/:personId/erase')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: "Carry out a person's erasure: name, e-mail, function, organisation erased, sign-in links withdrawn" })
  async erase(@Param('personId', new ParseUUIDPipe()) personId: string, @CurrentAccess() access: AccessContext) {
    await this.invitations.erase(access.conferenceId!, personId, { platformOrganiser: access.roles.platformOrganiser });
  }

  @Post('mails/send')
  @HttpCode(202)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Queue invitation (or reminder) mails; queuing twice sends once' })
  send(@Body() body: SendMailsDto, @CurrentAccess() access: AccessContext) {
    return this.invitations.send(access.conferenceId!, body.kind ?? 'invitation', body.personIds ?? null);
  }

  @Get('mails/progress')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'How many invitation mails are queued, sent, failed, withdrawn, and how many people signed in' })
  progress(@CurrentAccess() access: AccessContext): Promise<DeliveryProgress> {
    return this.invitations.progress(access.conferenceId!);
  }

  @Get('mail-templates')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'The mail templates in use (own or default), per kind and language' })
  templates(@CurrentAccess() access: AccessContext) {
    return this.invitations.templates(access.conferenceId!);
  }

  @Put('mail-templates')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Save a mail template; placeholders {{name}} {{conference}} {{link}} {{organisation}} {{function}} {{start}}' })
  async saveTemplate(@Body() body: MailTemplateDto, @CurrentAccess() access: AccessContext) {
    await this.invitations.saveTemplate(access.conferenceId!, body.kind, body.language, { subject: body.subject, body: body.body });
  }
}

/** Data protection: a person asks for their data to be deleted; the organisers see the request and carry it out. */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller('api/me')
export class ErasureController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('erasure-request')
  @HttpCode(202)
  @Access.signedIn()
  @ApiOperation({ summary: 'Ask for my data to be deleted; the organisers carry it out' })
  requestErasure(@CurrentAccess() access: AccessContext) {
    return this.invitations.requestErasure(access.principal!.personId);
  }
}

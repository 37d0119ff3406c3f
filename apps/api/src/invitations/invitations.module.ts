import { Module } from '@nestjs/common';
import { ErasureController, InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MailOutbox } from './mail-outbox';
import { MailOutboxRepository } from './mail-outbox-repository';
import { MailTransport } from './mail-transport';
import { ParticipantsRepository } from './participants-repository';

/** Invitations by e-mail: participant lists, the mail outbox and its background sender. */
@Module({
  controllers: [InvitationsController, ErasureController],
  providers: [InvitationsService, ParticipantsRepository, MailOutbox, MailOutboxRepository, MailTransport],
  exports: [MailOutbox],
})
export class InvitationsModule {}

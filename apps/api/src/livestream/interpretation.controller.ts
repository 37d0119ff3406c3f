import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, INTERPRETATION_ATTRIBUTES, type InterpreterLanguages, type InterpretationLive, type SessionInterpreter } from '@podium/contracts';
import { handover, parseLanguagePair, participantIdentity, roomNameFor } from '@podium/livestream';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { LanguagePairDto } from './interpretation.dto';
import { InterpretersRepository } from './interpreters-repository';
import { JoinSnapshots } from './join-snapshots';
import { isNotFound, LiveKitRooms } from './livekit-rooms';

/** Interpretation channels: organisers give interpreters their language pair; the booth switches who is live. */
@ApiTags('livestream')
@Controller('api/sessions')
export class InterpretationController {
  constructor(
    private readonly interpretersRepo: InterpretersRepository,
    private readonly livekit: LiveKitRooms,
    private readonly snapshots: JoinSnapshots,
  ) {}

  @Get(':id/interpreters')
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: "The session's interpreters and their language pairs (organisers)" })
  async interpreters(@Param('id') id: string): Promise<SessionInterpreter[]> {
    const rows = await this.interpretersRepo.list(id);
    return rows.map((r) => ({ personId: r.person_id, displayName: r.display_name, from: r.language_from, to: r.language_to }));
  }

  @Put(':id/interpreters/:personId/languages')
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: "Set an interpreter's language pair for this session ({ from, to }, BCP 47; a sign language as target means video)" })
  async setLanguages(@Param('id') id: string, @Param('personId', new ParseUUIDPipe()) personId: string, @Body() body: LanguagePairDto): Promise<InterpreterLanguages> {
    const pair = parseLanguagePair({ from: body.from, to: body.to }); // the DTO checks shapes; this, that the two differ
    const updated = await this.interpretersRepo.setLanguages(id, personId, pair.from, pair.to);
    if (updated === 0) throw new DomainError('NOT_FOUND', 'This person is not an interpreter of this session', { personId });
    this.snapshots.invalidate(id); // their next join carries the pair
    return { personId, from: pair.from, to: pair.to };
  }

  @Post(':id/interpretation/live')
  @HttpCode(200)
  @Access.to('session.interpret', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The calling interpreter goes live on their channel; the partner on the same channel goes quiet (handover without a gap)' })
  async goLive(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<InterpretationLive> {
    const room = roomNameFor(id, 'stage');
    const me = participantIdentity(access.principal!.personId, false);
    const participants = await this.livekit.call('listParticipants', (c) => c.listParticipants(room)).catch((e) => {
      if (isNotFound(e)) return [];
      throw e;
    });
    const updates = handover(participants.map((p) => ({ identity: p.identity, attributes: p.attributes ?? {} })), me);
    if (!participants.some((p) => p.identity === me && p.attributes?.[INTERPRETATION_ATTRIBUTES.channel])) {
      throw new DomainError('CONFLICT', 'Connect to the session with a spoken language pair before going live');
    }
    // The taker first: for a moment both are live (listeners hear the taker), never neither.
    const order = [...updates].sort(([, a]) => (a === 'true' ? -1 : 1));
    for (const [identity, live] of order) {
      await this.livekit.call('updateParticipant', (c) => c.updateParticipant(room, identity, { attributes: { [INTERPRETATION_ATTRIBUTES.live]: live } })).catch((e) => {
        if (!isNotFound(e)) throw e; // someone who just left needs no flag
      });
    }
    return { live: me, quiet: order.filter(([, v]) => v === 'false').map(([identity]) => identity) };
  }
}

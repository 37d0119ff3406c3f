import { Injectable } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import { decide, type QuestionCommand } from '@podium/questions';
import { FishbowlSessions } from '../fishbowl/fishbowl-sessions';
import { FishbowlStore } from '../fishbowl/fishbowl-store';
import { SessionPeople } from '../live/session-people';
import { SessionPeopleRepository } from '../live/session-people-repository';
import { QuestionsStore } from './questions-store';

type ToPodium = Extract<QuestionCommand, { type: 'to-podium' }>;

/**
 * "Zur Frage aufs Podium" (docs/participation.md, step 6): dry-run `to-podium` on the questions, then
 * queue and invite the asker in one fishbowl decision, then commit `to-podium`. The fishbowl goes first:
 * it is the one that can fail for reasons outside the question (not running, no free chair).
 */
@Injectable()
export class QuestionsPodium {
  constructor(
    private readonly questions: QuestionsStore,
    private readonly fishbowls: FishbowlStore,
    private readonly fishbowlSessions: FishbowlSessions,
    private readonly people: SessionPeople,
    private readonly peopleRows: SessionPeopleRepository,
  ) {}

  async toPodium(sessionId: string, command: ToPodium): Promise<{ version: number }> {
    const state = await this.questions.current(sessionId);
    const dry = decide(state, command, Date.now());
    if (dry instanceof DomainError) throw dry;
    if (dry.length === 0) return { version: state.version }; // invited before: nothing again
    const asked = dry[0] as Extract<(typeof dry)[number], { type: 'question-to-podium' }>;
    const question = state.questions.get(command.questionId)!;
    await this.fishbowlSessions.find(sessionId); // NOT_FOUND unless the session is a fishbowl
    await this.people.refuseIfRemoved(sessionId, asked.personId);
    // The moderator is the actor of the invitation; whether the asker is a guest comes from their person, not from the moderator.
    const guest = await this.peopleRows.isGuest(asked.personId);
    await this.fishbowls.submit(sessionId, { type: 'invite-asker', actor: command.actor, personId: asked.personId, displayName: asked.displayName, where: question.origin, topic: question.text, guest });
    // If the question changed in between, the invitation stands (it lapses or the moderator cancels it).
    const result = await this.questions.submit(sessionId, command);
    return { version: result.version };
  }
}

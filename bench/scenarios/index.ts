import type { BenchOptions } from '../support/options';

/** A scenario measures ours and a baseline in the same run and returns the result object. */
export interface Scenario {
  name: string;
  summary: string;
  run(options: BenchOptions): Promise<Record<string, unknown>>;
}

/** Every scenario, by name. Each lives in its own file under bench/scenarios/. */
export const SCENARIOS: Scenario[] = [];
import { queue } from './queue';
SCENARIOS.push(queue);
import { fanout } from './fanout';
SCENARIOS.push(fanout);
import { capacity } from './capacity';
SCENARIOS.push(capacity);
import { joinstorm } from './joinstorm';
SCENARIOS.push(joinstorm);
import { stage } from './stage';
SCENARIOS.push(stage);
import { programme } from './programme';
SCENARIOS.push(programme);
import { morningScenario } from './morning';
SCENARIOS.push(morningScenario);
import { multinode } from './multinode';
SCENARIOS.push(multinode);
import { invitations } from './invitations';
SCENARIOS.push(invitations);
import { captions } from './captions';
SCENARIOS.push(captions);
import { votes } from './votes';
SCENARIOS.push(votes);
import { chat } from './chat';
SCENARIOS.push(chat);
import { booths } from './booths';
SCENARIOS.push(booths);

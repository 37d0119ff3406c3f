import { Inject, Injectable } from '@nestjs/common';
import type { Programme } from '@podium/programme';
import type { AccessContext } from '../identity/principal';
import { RUNTIME, type Runtime } from '../runtime';
import { ProgrammeStore } from './programme-store';
import type { ConferenceRow } from './rows';
import type { ViewContext } from './views';

export interface ReadableProgramme {
  row: ConferenceRow;
  programme: Programme;
  ctx: ViewContext;
}

/** A visible conference's programme with what the views need (people by id, now, backstage minutes). */
@Injectable()
export class ProgrammeReads {
  constructor(
    private readonly store: ProgrammeStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async bySlug(slug: string, access: AccessContext): Promise<ReadableProgramme> {
    const row = await this.store.visibleConference(slug, access);
    return this.of(row);
  }

  async of(row: ConferenceRow, now = Date.now()): Promise<ReadableProgramme> {
    const programme = await this.store.load(row.id, undefined, row);
    return { row, programme, ctx: this.context(programme, now) };
  }

  context(programme: Programme, now = Date.now()): ViewContext {
    return {
      conference: programme.conference,
      people: new Map(programme.people.map((p) => [p.id, p])),
      now,
      backstageMinutes: this.runtime.config.backstageMinutes,
    };
  }

  get backstageMinutes(): number {
    return this.runtime.config.backstageMinutes;
  }

  get publicUrl(): string {
    return this.runtime.config.publicUrl;
  }
}

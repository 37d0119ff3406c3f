import { Injectable } from '@nestjs/common';
import { DomainError, type StoredCaption, type Transcript } from '@podium/contracts';
import { lineTimes, type CaptionLineInput } from '@podium/livestream';
import { SessionPeopleRepository } from '../live/session-people-repository';
import { CaptionsRepository } from './captions-repository';

/** The transcript: final caption lines per session, one row per segment (a correction rewrites it). */
@Injectable()
export class CaptionStore {
  constructor(
    private readonly captions: CaptionsRepository,
    private readonly people: SessionPeopleRepository,
  ) {}

  /** Where the transcript's times count from: the shown start (scheduled start plus the announced delay). */
  private async sessionStartMs(sessionId: string): Promise<number> {
    const start = await this.captions.shownStartMs(sessionId);
    if (start === null) throw new DomainError('NOT_FOUND', 'No such session');
    return start;
  }

  async store(sessionId: string, authorId: string, line: CaptionLineInput): Promise<StoredCaption> {
    const startMs = await this.sessionStartMs(sessionId);
    const now = Date.now();
    const times = lineTimes(startMs, now, line.startedAt === null ? null : Date.parse(line.startedAt));
    const row = await this.captions.upsert(sessionId, {
      segmentId: line.segmentId,
      text: line.text,
      speaker: line.speaker,
      language: line.language,
      startedAtMs: startMs + times.startMs,
      endedAtMs: startMs + times.endMs,
      authorId,
    });
    return {
      segmentId: line.segmentId,
      revision: row.revision,
      startMs: new Date(row.started_at).getTime() - startMs,
      endMs: new Date(row.ended_at).getTime() - startMs,
    };
  }

  /** Banned from the session's rooms (livestream_ban): such a person does not read its transcript either. */
  async isRemoved(sessionId: string, personId: string): Promise<boolean> {
    return this.people.isRemoved(sessionId, personId);
  }

  async transcript(sessionId: string): Promise<Transcript> {
    const startMs = await this.sessionStartMs(sessionId);
    const rows = await this.captions.lines(sessionId);
    return {
      sessionId,
      sessionStart: new Date(startMs).toISOString(),
      lines: rows.map((r) => ({
        segmentId: r.segment_id,
        startMs: new Date(r.started_at).getTime() - startMs,
        endMs: new Date(r.ended_at).getTime() - startMs,
        speaker: r.speaker,
        text: r.text,
        language: r.language,
      })),
    };
  }
}

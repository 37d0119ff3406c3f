import { Injectable } from '@nestjs/common';

/**
 * One stage change or reconciliation per room at a time in this process, so a reconciliation that
 * read the database before a moderator's change cannot apply the old state after it.
 */
@Injectable()
export class RoomLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(room: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(room) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    const tail = next.catch(() => undefined);
    this.tails.set(room, tail);
    void tail.then(() => {
      if (this.tails.get(room) === tail) this.tails.delete(room);
    });
    return next;
  }
}

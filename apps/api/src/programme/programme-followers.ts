import type { Namespace } from 'socket.io';
import type { ProgrammeUnavailable } from '@podium/contracts';
import type { Principal } from '../identity/principal';
import type { GuardedSocketData } from '../realtime/socket-guard';

/**
 * Takes every socket of `room` that may no longer read the conference out of it and tells it
 * `programme:unavailable`. fetchSockets/leave/emit go through the adapter: with Redis they reach the
 * sockets of every api process. `mayRead` is asked once per person (never after a delete).
 */
export async function cutOffFollowers(
  namespace: Namespace | null,
  room: string,
  conferenceId: string,
  reason: ProgrammeUnavailable['reason'],
  mayRead: (principal: Principal) => Promise<boolean>,
): Promise<void> {
  if (!namespace) return;
  const sockets = await namespace.in(room).fetchSockets();
  const asked = new Map<string, Promise<boolean>>();
  const keeps = (principal: Principal | null): Promise<boolean> => {
    if (reason === 'deleted' || !principal) return Promise.resolve(false);
    const key = `${principal.personId}:${principal.guest}`;
    let known = asked.get(key);
    if (!known) asked.set(key, (known = mayRead(principal)));
    return known;
  };
  await Promise.all(
    sockets.map(async (socket) => {
      if (await keeps((socket.data as GuardedSocketData | undefined)?.principal ?? null)) return;
      socket.leave(room);
      socket.emit('programme:unavailable', { conferenceId, reason } satisfies ProgrammeUnavailable);
    }),
  );
}

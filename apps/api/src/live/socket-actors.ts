import type { Socket } from 'socket.io';
import type { Principal } from '../identity/principal';

/** What a live gateway keeps on its socket: the principal, its last token check, the actors it looked up since. */
type ActorSocketData<A> = { principal: Principal; checkedAt?: number; actors?: { at: number | undefined; byKey: Map<string, A> } };

/**
 * The socket's actor in one session or room (`key`): looked up when `fresh` (on join) or not yet known, else
 * remembered for the socket's commands there. `SocketCommands` sets a new `checkedAt` when it checks the token
 * again, which forgets every remembered actor, so a changed role counts from that check on.
 */
export async function socketActor<A>(socket: Socket, key: string, fresh: boolean, lookUp: (principal: Principal) => Promise<A>): Promise<A> {
  const data = socket.data as ActorSocketData<A>;
  if (!data.actors || data.actors.at !== data.checkedAt) data.actors = { at: data.checkedAt, byKey: new Map() };
  const known = data.actors.byKey.get(key);
  if (known && !fresh) return known;
  const actor = await lookUp(data.principal);
  data.actors.byKey.set(key, actor);
  return actor;
}

/** Forgets the socket's actor in one session or room (it left): its next command there looks the actor up again. */
export function forgetSocketActor(socket: Socket, key: string): void {
  (socket.data as ActorSocketData<unknown>).actors?.byKey.delete(key);
}

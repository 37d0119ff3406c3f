import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { MARKET_EVENTS, type MarketBoothPayload } from '@podium/contracts';
import { livePlace, validateMarketPayload } from '@podium/market';
import type { Principal } from '../identity/principal';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { BoothStore } from './booth-store';
import { followerRoomOf, MarketBroadcaster, type MarketNamespace } from './market-broadcaster';
import { MarketService } from './market.service';

/**
 * The `/market` namespace: follow a booth to have one's place there pushed (queue position, expected wait,
 * let in). Visiting, leaving and inviting stay HTTP; every event goes through the one command pipeline.
 */
@WebSocketGateway({ namespace: '/market' })
export class MarketGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly commands: Record<string, SocketCommand<MarketBoothPayload, object>> = {};

  constructor(
    private readonly market: MarketService,
    private readonly store: BoothStore,
    private readonly broadcaster: MarketBroadcaster,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
  ) {
    this.commands['market:follow'] = { validate: (raw) => validateMarketPayload('market:follow', raw), recheck: 'required', retry: true, handle: (s, p) => this.follow(s, p) };
    this.commands['market:unfollow'] = { validate: (raw) => validateMarketPayload('market:unfollow', raw), handle: (s, p) => this.unfollow(s, p) };
    if (Object.keys(this.commands).length !== MARKET_EVENTS.length) throw new Error('every /market event needs its command');
  }

  afterInit(namespace: MarketNamespace): void {
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  private async follow(socket: Socket, p: MarketBoothPayload) {
    const principal = (socket.data as { principal: Principal }).principal;
    await this.market.refuseUnlessOfConference(principal, p.boothId);
    await socket.join(followerRoomOf(p.boothId, principal.personId)); // in the room before reading: later moves reach this socket
    return { place: livePlace(await this.store.current(p.boothId), principal.personId) };
  }

  private async unfollow(socket: Socket, p: MarketBoothPayload) {
    await socket.leave(followerRoomOf(p.boothId, (socket.data as { principal: Principal }).principal.personId));
    return {};
  }
}

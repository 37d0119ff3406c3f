import { createServer } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { AccessToken } from 'livekit-server-sdk';
import { participantAttributes, stagePermission, toVideoGrant } from '@podium/livestream';

/**
 * The joinstorm baseline, run as its own process like the api: a bare node:http server that does what a
 * join can at best cost over HTTP — verify the bearer session token and sign a LiveKit token with the
 * same grant — with no framework, database, role lookup or rate limit. Same client, same concurrency.
 */
const env = process.env as Record<string, string>;
const jwt = new JwtService({ secret: env.BARE_JWT_SECRET });
const room = env.BARE_ROOM;
const server = createServer((req, res) => {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  req.resume();
  void (async () => {
    try {
      const claims = await jwt.verifyAsync<{ sub: string }>(token);
      const at = new AccessToken(env.BARE_LIVEKIT_KEY, env.BARE_LIVEKIT_SECRET, { identity: `bare-${claims.sub}`, name: 'Bench', ttl: 600, attributes: participantAttributes('attendee', false) });
      at.addGrant(toVideoGrant(stagePermission('attendee', false), room));
      const body = JSON.stringify({ url: env.BARE_LIVEKIT_URL, token: await at.toJwt(), room });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      res.writeHead(401).end();
    }
  })();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});

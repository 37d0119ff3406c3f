import { RoomServiceClient } from 'livekit-server-sdk';
import { liveKitHttpUrl } from '../../apps/api/src/livestream/livekit-url';

/** Where the real services of the test machine are; override with environment variables. */
export const TEST_POSTGRES_ADMIN_URL = process.env.PODIUM_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.PODIUM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The LiveKit server global-setup started for this jest run. */
export function testLiveKit(): { url: string; apiKey: string; apiSecret: string } {
  const url = process.env.PODIUM_TEST_LIVEKIT_URL;
  const apiKey = process.env.PODIUM_TEST_LIVEKIT_API_KEY;
  const apiSecret = process.env.PODIUM_TEST_LIVEKIT_API_SECRET;
  if (!url || !apiKey || !apiSecret) throw new Error('No test LiveKit server: run the integration tests through jest (global-setup starts it)');
  return { url, apiKey, apiSecret };
}

/** LiveKit's server API on the test server: rooms, participants and their permissions as LiveKit has them. */
export function testRoomService(): RoomServiceClient {
  const lk = testLiveKit();
  return new RoomServiceClient(liveKitHttpUrl(lk.url), lk.apiKey, lk.apiSecret);
}

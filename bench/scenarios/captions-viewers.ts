// A bench worker holding some of the captions benchmark's viewers (rtc-node rooms), so they are spread over processes.
import { Room, RoomEvent } from '@livekit/rtc-node';
import { ATTR_SEGMENT_ID, TRANSCRIPTION_TOPIC } from '@podium/contracts';

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
const clock = () => performance.timeOrigin + performance.now();

type Command = { type: 'connect'; url: string; tokens: string[] } | { type: 'stop' };

const rooms: Room[] = [];
const send = (message: unknown) => process.send?.(message);

// rtc-node (1.1.0) throws "trying to drop an invalid handle" from a native finalizer under load, which used to
// end the worker and its ~75 viewers; the rooms are unaffected, so count it and go on.
process.on('uncaughtException', (error) => send({ type: 'worker-error', error: String(error) }));
process.on('disconnect', () => process.exit(0)); // the bench is gone: never outlive it

process.on('message', async (command: Command) => {
  if (command.type === 'stop') {
    for (const room of rooms) await room.disconnect().catch(() => undefined);
    process.exit(0);
  }
  for (const token of command.tokens) {
    for (let attempt = 1; ; attempt++) {
      const room = new Room();
      try {
        await room.connect(command.url, token, { autoSubscribe: false, dynacast: false });
        rooms.push(room);
        break;
      } catch (error) {
        if (attempt === 3) return send({ type: 'failed', error: String(error) });
        send({ type: 'retry' });
      }
    }
    const room = rooms[rooms.length - 1];
    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader) => void reader.readAll().then(() => send({ type: 'arrived', kind: 'stream', i: Number(reader.info.attributes?.[ATTR_SEGMENT_ID]?.slice(2)), at: clock() })));
    room.on(RoomEvent.DataReceived, (payload: Uint8Array, _p?: unknown, _k?: unknown, topic?: string) => {
      if (topic === 'bench-baseline') send({ type: 'arrived', kind: 'data', i: JSON.parse(new TextDecoder().decode(payload)).i, at: clock() });
    });
    send({ type: 'connected' });
  }
});

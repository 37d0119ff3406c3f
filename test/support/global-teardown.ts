export default async function globalTeardown(): Promise<void> {
  const livekit = (globalThis as { __podiumLiveKit?: { stop(): Promise<void> } }).__podiumLiveKit;
  await livekit?.stop();
}

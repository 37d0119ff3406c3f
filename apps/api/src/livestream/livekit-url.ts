/** LiveKit's API and health endpoint speak HTTP on the same port as the websocket URL. */
export function liveKitHttpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/$/, '');
}

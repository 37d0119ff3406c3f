/** Whether the browser knows this IANA zone (an unknown one makes Intl throw). */
export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

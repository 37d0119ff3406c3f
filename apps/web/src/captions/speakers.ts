/** Names the console offers as "who speaks": people on the fishbowl's chairs first, then the session's moderators and speakers; each once. */
export function speakerChoices(chairs: readonly (string | null | undefined)[], people: readonly { role: string; name: string }[]): string[] {
  const names = [...chairs, ...people.filter((p) => p.role === 'moderator' || p.role === 'speaker').map((p) => p.name)];
  const seen = new Set<string>();
  return names.map((n) => (n ?? '').trim()).filter((n) => n && !seen.has(n) && seen.add(n));
}

/** The listener's language choice (a language tag, or null: the floor only), remembered on this device. */
export const CHOICE_KEY = 'podium.interpretation';

const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** A stored choice, or null for the floor (also for anything missing or broken). */
export function parseChoice(stored: string | null): string | null {
  return stored !== null && TAG.test(stored) ? stored : null;
}

export function readChoice(): string | null {
  try {
    return parseChoice(localStorage.getItem(CHOICE_KEY));
  } catch {
    return null; // storage blocked: the floor
  }
}

export function storeChoice(choice: string | null): void {
  try {
    if (choice === null) localStorage.removeItem(CHOICE_KEY);
    else localStorage.setItem(CHOICE_KEY, choice);
  } catch {
    /* not remembered, still applied */
  }
}

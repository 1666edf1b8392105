/**
 * The verification item `roadbook new` writes for the writer to replace: the one place its
 * text is defined, and the test `check` uses to warn when it is still there.
 */
import type { Locale } from '../model.ts';

/** No arrow and no `Attendu :` in it, so the whole text is read as the step. */
export const PLACEHOLDER_STEPS: Readonly<Record<Locale, string>> = {
  fr: 'À remplacer : l’action à faire dans le logiciel, puis le résultat attendu',
  en: 'To replace: the action to take in the software, then the expected result',
};

const KNOWN = new Set(Object.values(PLACEHOLDER_STEPS).map(fold));

function fold(text: string): string {
  return text.replace(/['’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether a step is still the placeholder, in either language (the road book may change locale). */
export function isPlaceholderStep(step: string): boolean {
  return KNOWN.has(fold(step));
}

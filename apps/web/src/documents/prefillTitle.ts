/**
 * The title field follows the chosen template's title until the user writes their own: a title
 * that is empty or still the previous suggestion gets the new suggestion, anything else stays.
 */
export function prefillTitle(current: string, previousSuggestion: string, nextSuggestion: string): string {
  const typed = current.trim();
  return typed === '' || typed === previousSuggestion.trim() ? nextSuggestion : current;
}

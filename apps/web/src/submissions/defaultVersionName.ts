const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** « Version du 3 mars 2026 »: the name « Soumettre » proposes. */
export function defaultVersionName(date: Date): string {
  return `Version du ${day.format(date)}`;
}

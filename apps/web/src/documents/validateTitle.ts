// Same bounds and wording as the server, so most mistakes are caught without a round trip.
export const TITLE_MAX_LENGTH = 200;

export function validateTitle(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === '') return 'Le titre est obligatoire.';
  if (trimmed.length > TITLE_MAX_LENGTH) return `Le titre ne doit pas dépasser ${TITLE_MAX_LENGTH} caractères.`;
  return null;
}

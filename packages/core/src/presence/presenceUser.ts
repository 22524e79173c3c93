/**
 * What a participant shows to the others in a document (awareness `user` field). The sync
 * server writes it from the signed-in account, whatever the client claims, so the web app and
 * the server must derive it the same way: it lives here.
 */
export interface PresenceUser {
  /** The account id. */
  id: string;
  name: string;
  color: string;
}

/** A display name is an account setting; the limit the account has always had. */
export const DISPLAY_NAME_MAX_LENGTH = 80;

/** Caret and chip colours; each keeps white text above 4.5:1 (WCAG AA). */
export const PRESENCE_COLORS = ['#1d4ed8', '#b91c1c', '#15803d', '#7e22ce', '#c2410c', '#0f766e', '#be185d', '#4338ca'] as const;

/**
 * The colour of an account, the same in every tab and for every viewer (FNV-1a of its id): a
 * colour chosen by the client would be a CSS string rendered into the others' pages.
 */
export function presenceColor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length]!;
}

/** The French reason a display name is refused, or null; checks the trimmed name. */
export function displayNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Indiquez votre nom.';
  if (trimmed.length > DISPLAY_NAME_MAX_LENGTH) return `Votre nom ne doit pas dépasser ${DISPLAY_NAME_MAX_LENGTH} caractères.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(trimmed)) return 'Votre nom ne peut pas contenir de caractères de contrôle.';
  return null;
}

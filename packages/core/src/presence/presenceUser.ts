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

/**
 * Caret and chip colours: blue, red, green, purple, amber, teal, pink, slate. Each keeps white
 * text above 4.5:1 (WCAG AA), and any two differ by at least 25 in CIELAB (ΔE*76), so that two
 * people are never told apart by shades of one hue (the old palette had two blues).
 */
export const PRESENCE_COLORS = ['#1d4ed8', '#b91c1c', '#15803d', '#7e22ce', '#b45309', '#0f766e', '#be185d', '#475569'] as const;

/** A member of a workspace and when they joined it. */
export interface MemberSince {
  userId: string;
  since: number;
}

/**
 * A member's colour in the documents of a workspace: the palette in the order members joined, so
 * the first eight members of a workspace never share a colour, and every tab, every viewer and
 * every instance derives the same one from the store. Chosen by the server: a colour chosen by the
 * client would be a CSS string rendered into the others' pages.
 */
export function memberPresenceColor(members: readonly MemberSince[], userId: string): string {
  const rank = [...members].sort((a, b) => a.since - b.since || compareIds(a.userId, b.userId)).findIndex((member) => member.userId === userId);
  return rank === -1 ? presenceColor(userId) : PRESENCE_COLORS[rank % PRESENCE_COLORS.length]!;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The colour of an account outside any workspace (FNV-1a of its id): stable, but may collide. */
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

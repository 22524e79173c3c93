export interface UserIdentity {
  name: string;
  color: string;
}

export const NAME_MAX_LENGTH = 40;
const STORAGE_KEY = 'canevas.user';

/** Caret and chip colours; each keeps white text above 4.5:1 (WCAG AA). */
export const USER_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#15803d',
  '#7e22ce',
  '#c2410c',
  '#0f766e',
  '#be185d',
  '#4338ca',
] as const;

export function randomUserColor(): string {
  return USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0];
}

export function loadIdentity(): UserIdentity | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<UserIdentity>;
    if (typeof value.name !== 'string' || value.name.trim() === '') return null;
    const color = typeof value.color === 'string' && /^#[0-9a-f]{6}$/i.test(value.color) ? value.color : randomUserColor();
    return { name: value.name.trim().slice(0, NAME_MAX_LENGTH), color };
  } catch {
    // Storage can be disabled or hold garbage: ask again rather than fail.
    return null;
  }
}

export function saveIdentity(identity: UserIdentity): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Private browsing may refuse; the name still holds for this visit.
  }
}

/** Returns the French error for an invalid name, or null. */
export function validateName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Indiquez votre nom.';
  if (trimmed.length > NAME_MAX_LENGTH) return `Votre nom ne doit pas dépasser ${NAME_MAX_LENGTH} caractères.`;
  return null;
}

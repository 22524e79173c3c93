import { DISPLAY_NAME_MAX_LENGTH, displayNameProblem, presenceColor } from '@canevas/core';

/** How the signed-in user appears to the others: the account's name, and its colour. */
export interface UserIdentity {
  name: string;
  color: string;
}

export const NAME_MAX_LENGTH = DISPLAY_NAME_MAX_LENGTH;

/**
 * Where older versions kept a name chosen in this browser. The name is an account setting now:
 * the key is ignored and removed, so that the next person signing in on a shared computer is not
 * shown under it.
 */
const LEGACY_STORAGE_KEY = 'canevas.user';

export function identityOf(account: { id: string; name: string }): UserIdentity {
  return { name: account.name, color: presenceColor(account.id) };
}

export function forgetLegacyIdentity(): void {
  try {
    window.localStorage.removeItem(LEGACY_STORAGE_KEY);
  } catch {
    // Storage can be disabled: then nothing was kept there either.
  }
}

/** Returns the French error for an invalid name, or null (the server checks the same). */
export function validateName(name: string): string | null {
  return displayNameProblem(name);
}

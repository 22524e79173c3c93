import { safeHref } from '@canevas/core';

export type LinkAddress = { ok: true; href: string } | { ok: false; error: string };

/**
 * What « Lien » stores for the address a person typed: people write `exemple.fr` or an e-mail
 * address rather than a full URL, so those get `https://` or `mailto:`. Only http, https and
 * mailto addresses are kept, as everywhere else in the editor (safeHref).
 */
export function linkAddress(input: string): LinkAddress {
  const typed = input.trim();
  if (typed === '') return { ok: false, error: 'Indiquez l’adresse du lien.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed)
    ? typed
    : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(typed)
      ? `mailto:${typed}`
      : `https://${typed}`;
  const href = safeHref(withScheme);
  if (href === undefined || !/^(https?:\/\/[^/?#\s]+\.[^/?#\s]+|mailto:.+@.+)/i.test(href)) {
    return { ok: false, error: 'Indiquez une adresse web (https://exemple.fr) ou une adresse e-mail.' };
  }
  return { ok: true, href };
}

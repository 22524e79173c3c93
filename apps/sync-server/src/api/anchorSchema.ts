import { DOCUMENT_FIELD, QUOTE_CONTEXT, QUOTE_EXACT_MAX, decodeRelPos } from '@canevas/core';
import { z } from 'zod';

/** An encoded relative position is a few dozen bytes; the cap only stops abuse. */
const MAX_ENCODED_POSITION = 256;

/** Decodes as a `Y.RelativePosition` pointing into the content doc: an item, or its body fragment. */
function isRelativePosition(encoded: string): boolean {
  try {
    const position = decodeRelPos(encoded);
    return position.item !== null || position.tname === DOCUMENT_FIELD;
  } catch {
    return false;
  }
}

const relativePosition = (end: 'début' | 'fin') =>
  z
    .string({ error: `Ancre invalide : la position de ${end} manque.` })
    .min(1, { error: `Ancre invalide : la position de ${end} manque.` })
    .max(MAX_ENCODED_POSITION, { error: `Ancre invalide : la position de ${end} est trop longue.` })
    .refine(isRelativePosition, { error: `Ancre invalide : la position de ${end} est illisible.` });

/** An anchor as `createAnchor` builds it in the browser; anything else is refused before storage. */
export const anchorSchema = z.strictObject(
  {
    start: relativePosition('début'),
    end: relativePosition('fin'),
    quote: z.strictObject(
      {
        exact: z
          .string({ error: 'Ancre invalide : la citation manque.' })
          .min(1, { error: 'Ancre invalide : la citation est vide.' })
          .max(QUOTE_EXACT_MAX, { error: `Ancre invalide : la citation dépasse ${QUOTE_EXACT_MAX} caractères.` }),
        prefix: z.string({ error: 'Ancre invalide : le contexte avant manque.' }).max(QUOTE_CONTEXT * 4, { error: 'Ancre invalide : le contexte avant est trop long.' }),
        suffix: z.string({ error: 'Ancre invalide : le contexte après manque.' }).max(QUOTE_CONTEXT * 4, { error: 'Ancre invalide : le contexte après est trop long.' }),
      },
      { error: 'Ancre invalide : la citation doit être { exact, prefix, suffix }.' },
    ),
  },
  { error: 'Ancre invalide : { start, end, quote } attendu.' },
);

/** Role names as the interface says them (the server's ROLE_LABELS, without importing server code). */
export const ROLE_NAMES = {
  owner: 'Propriétaire',
  editor: 'Rédacteur',
  tutor: 'Tuteur',
  viewer: 'Lecteur',
} as const;

/** A member's role in a workspace, hence on its documents. */
export type DocumentRole = keyof typeof ROLE_NAMES;

export const ROLE_DESCRIPTIONS: Record<keyof typeof ROLE_NAMES, string> = {
  owner: 'gère les membres et les invitations, rédige',
  editor: 'rédige et relie les passages aux critères',
  tutor: 'lit, commente et évalue ; ne modifie jamais le texte',
  viewer: 'lit seulement',
};

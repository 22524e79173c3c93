/** Ids shared by the manifest's parts; stable once published. */
export const CONFORMITY_SCALE = 'conformite';
export const APPLICATION_MODALITY = 'dossier-candidature';

export const templateId = (ficheId: string): string => `dossier-${ficheId}`;

/** Section ids, identical in the nine templates so rules and exports can rely on them. */
export const SECTION = {
  presentation: 'presentation',
  note: 'note-opportunite',
  public: 'public',
  objectifs: 'objectifs',
  contenu: 'contenu',
  moyens: 'moyens',
  calendrier: 'calendrier',
  budget: 'budget',
  indicateurs: 'indicateurs',
} as const;

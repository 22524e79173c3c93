import type { Modality, ReferentialManifest } from '@canevas/core';

type ReferentialKind = ReferentialManifest['kind'];

export const REFERENTIAL_KIND_LABELS: Record<ReferentialKind, string> = {
  certification: 'Certification',
  call_for_projects: 'Appel à projets',
  internal_validation: 'Validation interne',
  method: 'Méthode',
};

export function referentialKindLabel(kind: string): string {
  return REFERENTIAL_KIND_LABELS[kind as ReferentialKind] ?? kind;
}

/** « 7 sections », « 1 section ». */
export function sectionCountLabel(count: number): string {
  return `${count} ${count <= 1 ? 'section' : 'sections'}`;
}

/** « 30 pages », « 20 minutes », « 30 pages, 20 minutes », or '' without constraints. */
export function modalityConstraints(modality: Pick<Modality, 'constraints'>): string {
  const { pages, minutes, words } = modality.constraints ?? {};
  const parts: string[] = [];
  if (pages !== undefined) parts.push(`${pages} ${pages <= 1 ? 'page' : 'pages'}`);
  if (words !== undefined) parts.push(`${words.toLocaleString('fr-FR')} ${words <= 1 ? 'mot' : 'mots'}`);
  if (minutes !== undefined) parts.push(`${minutes} ${minutes <= 1 ? 'minute' : 'minutes'}`);
  return parts.join(', ');
}

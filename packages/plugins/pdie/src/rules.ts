import type { ReferentialManifestInput } from '@canevas/core';
import { ficheRefs } from './nodes.js';
import { fiches } from './fiches/index.js';
import { SECTION, templateId } from './ids.js';

type RuleInput = NonNullable<ReferentialManifestInput['rules']>[number];

/** Minimum words per section; the note d'opportunité gets « une attention particulière ». */
const MIN_WORDS: ReadonlyArray<{ section: string; minWords: number; severity: 'error' | 'warning' }> = [
  { section: SECTION.presentation, minWords: 50, severity: 'warning' },
  { section: SECTION.note, minWords: 150, severity: 'error' },
  { section: SECTION.public, minWords: 40, severity: 'error' },
  { section: SECTION.objectifs, minWords: 60, severity: 'error' },
  { section: SECTION.contenu, minWords: 100, severity: 'error' },
  { section: SECTION.moyens, minWords: 50, severity: 'warning' },
  { section: SECTION.calendrier, minWords: 20, severity: 'warning' },
];

function rulesFor(ficheId: string, number: string): RuleInput[] {
  const template = templateId(ficheId);
  const refs = ficheRefs.get(ficheId);
  if (!refs) throw new Error(`Fiche ${number} : nœuds introuvables`);
  return [
    ...MIN_WORDS.map(({ section, minWords, severity }) => ({
      id: `${template}.${section}.rempli`,
      type: 'section_filled' as const,
      template,
      section,
      minWords,
      severity,
    })),
    {
      id: `${template}.indicateurs.cibles`,
      type: 'measure_set',
      template,
      section: SECTION.indicateurs,
      column: 'cible',
      severity: 'error',
      message: `Fiche ${number} : chaque indicateur d’évaluation doit avoir une cible.`,
    },
    {
      id: `${template}.budget.charges-produits`,
      type: 'table_check',
      template,
      section: SECTION.budget,
      check: 'has_charges_and_produits',
      severity: 'error',
    },
    {
      id: `${template}.budget.equilibre`,
      type: 'table_check',
      template,
      section: SECTION.budget,
      check: 'balanced',
      severity: 'warning',
    },
    // The fiche's specific expectations for the note and the content must be visibly answered.
    {
      id: `${template}.exigences.preuves`,
      type: 'evidence_min',
      nodes: [...refs.requirements.note, ...refs.requirements.public, ...refs.requirements.contenu],
      count: 1,
      severity: 'warning',
      message: `Fiche ${number} : reliez au moins un passage du dossier à chaque exigence de la fiche.`,
    },
  ];
}

export const pdieRules: RuleInput[] = fiches.flatMap((fiche) => rulesFor(fiche.id, fiche.number));

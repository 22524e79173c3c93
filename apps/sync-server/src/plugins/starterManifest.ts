import { CORE_API_VERSION, type ReferentialManifestInput } from '@canevas/core';

/** The major version of the plugin API this core implements, as a semver range. */
export function currentCoreApiRange(): string {
  return `^${CORE_API_VERSION.split('.')[0]}.0.0`;
}

/**
 * The smallest manifest that shows every part (a scale, a block, a competency, a criterion, a
 * modality, a template, two rules, a policy) and validates as is: `referential new` starts from it.
 */
export function starterManifest(id: string, title: string): ReferentialManifestInput {
  return {
    id,
    version: '0.1.0',
    coreApi: currentCoreApiRange(),
    title,
    kind: 'certification',
    lang: 'fr',
    description: 'À compléter : à qui s’adresse ce référentiel et ce qu’il certifie.',
    source: { document: 'À compléter : le titre du document source du référentiel' },
    scales: [
      {
        id: 'acquisition',
        label: 'Acquisition',
        levels: [
          { id: 'non-acquis', label: 'Non acquis' },
          { id: 'acquis', label: 'Acquis', proficient: true },
        ],
      },
    ],
    nodes: [
      { id: 'bloc-1', code: 'Bloc 1', type: 'block', label: 'Premier bloc de compétences', order: 0 },
      { id: 'c1', code: 'C1', type: 'competency', label: 'Première compétence', parent: 'bloc-1', order: 0 },
      {
        id: 'c1-1',
        code: 'C1.1',
        type: 'criterion',
        label: 'Premier critère d’évaluation',
        parent: 'c1',
        order: 0,
        assessable: true,
        scale: 'acquisition',
        modalities: ['dossier'],
      },
    ],
    modalities: [
      { id: 'dossier', kind: 'written_dossier', label: 'Dossier écrit', evaluates: ['c1-1'], templates: ['dossier'] },
    ],
    templates: [
      {
        id: 'dossier',
        title: 'Dossier écrit',
        modality: 'dossier',
        sections: [
          { id: 'presentation', heading: 'Présentation', prompt: 'Présentez-vous et présentez votre structure.' },
          { id: 'situation', heading: 'Une situation professionnelle', prompt: 'Décrivez une situation qui montre le critère C1.1.', nodes: ['c1-1'] },
        ],
      },
    ],
    rules: [
      { id: 'dossier-rempli', type: 'section_filled', template: 'dossier', minWords: 50, severity: 'error' },
      { id: 'preuve-par-critere', type: 'evidence_min', nodeType: 'criterion', count: 1, severity: 'warning' },
    ],
    policy: {
      assessorRoles: ['tutor'],
      selfAssess: false,
      signOff: 'jury',
      decision: { type: 'all_assessable_proficient', description: 'Chaque critère doit être acquis.' },
    },
  };
}

/** The manifest's id rule (`stableId` in the core schema), checked before anything is written. */
export const stableIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

import { defineReferential } from '../referential/defineReferential.js';
import { tablePresets } from '../referential/tablePresets.js';

export const PHASES = [
  'Rencontre et mobilisation des personnes privées durablement d’emploi',
  'Identification des travaux utiles',
  'Construction du consensus territorial',
  'Préfiguration de l’entreprise à but d’emploi',
] as const;

/** A small referential that exercises every rule of the core vocabulary (tests only). */
export const sampleManifest = defineReferential({
  id: 'exemple',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: 'Référentiel d’exemple',
  kind: 'internal_validation',
  source: { document: 'Référentiel d’exemple, 2026' },
  scales: [
    {
      id: 'maitrise',
      label: 'Maîtrise',
      levels: [
        { id: 'non-acquis', label: 'Non acquis' },
        { id: 'en-cours', label: 'En cours d’acquisition' },
        { id: 'acquis', label: 'Acquis', proficient: true },
        { id: 'expert', label: 'Expert', proficient: true },
      ],
    },
  ],
  nodes: [
    { id: 'b1', code: 'B1', type: 'block', label: 'Piloter le projet', order: 1 },
    { id: 'c1', code: 'C1', type: 'competency', label: 'Diagnostiquer le territoire', parent: 'b1', order: 1, key: true, assessable: true, scale: 'maitrise' },
    { id: 'c1-1', code: 'C1.1', type: 'criterion', label: 'Les besoins sont identifiés', parent: 'c1', order: 1, assessable: true, scale: 'maitrise' },
    { id: 'c1-2', code: 'C1.2', type: 'criterion', label: 'Les acteurs sont repérés', parent: 'c1', order: 2, assessable: true, scale: 'maitrise' },
    { id: 'c2', code: 'C2', type: 'competency', label: 'Mobiliser les partenaires', parent: 'b1', order: 2, key: true, assessable: true, scale: 'maitrise' },
    { id: 'c2-1', code: 'C2.1', type: 'criterion', label: 'Les partenaires sont engagés', parent: 'c2', order: 1, assessable: true, scale: 'maitrise' },
    { id: 'i1', code: 'I1', type: 'indicator', label: 'Nombre de personnes rencontrées', parent: 'b1', order: 3, measure: { timing: '3 mois après l’action' } },
  ],
  modalities: [
    { id: 'dossier', kind: 'written_dossier', label: 'Dossier écrit', evaluates: ['c1', 'c2'], templates: ['dossier'] },
  ],
  templates: [
    {
      id: 'dossier',
      title: 'Dossier écrit',
      modality: 'dossier',
      sections: [
        { id: 'diagnostic', heading: 'Diagnostic territorial', prompt: 'Décrivez le territoire.', nodes: ['c1-1', 'c1-2'] },
        { id: 'partenaires', heading: 'Partenaires mobilisés', nodes: ['c2-1'] },
      ],
    },
    {
      id: 'plan-actions',
      title: 'Plan d’actions',
      sections: [
        { id: 'actions', heading: 'Actions', table: tablePresets.actionPlan(PHASES) },
        { id: 'indicateurs', heading: 'Indicateurs', table: tablePresets.indicators },
      ],
    },
    {
      id: 'budget',
      title: 'Budget',
      sections: [
        {
          id: 'budget',
          heading: 'Budget prévisionnel',
          table: { ...tablePresets.budget, rows: [{ poste: 'Salaires', nature: 'Charge' }] },
        },
        { id: 'ecart', heading: 'Explication de l’écart', level: 3 },
      ],
    },
  ],
  rules: [
    { id: 'dossier-rempli', type: 'section_filled', template: 'dossier', minWords: 20 },
    { id: 'preuves', type: 'evidence_min', nodeType: 'criterion', count: 2 },
    { id: 'enfants-acquis', type: 'all_children', node: 'c1', level: 'acquis', severity: 'warning' },
    { id: 'phases', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'phases_covered', column: 'phase', values: [...PHASES] },
    { id: 'actions-min', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'min_rows', min: 4 },
    { id: 'responsables', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'column_filled', column: 'responsable', severity: 'warning' },
    { id: 'cibles', type: 'measure_set', template: 'plan-actions', section: 'indicateurs' },
    { id: 'charges-produits', type: 'table_check', template: 'budget', section: 'budget', check: 'has_charges_and_produits' },
    { id: 'equilibre', type: 'table_check', template: 'budget', section: 'budget', check: 'balanced', explanationSection: 'ecart' },
    { id: 'sources', type: 'table_check', template: 'budget', section: 'budget', check: 'column_filled', column: 'source', severity: 'info' },
  ],
  policy: { signOff: 'commission', decision: { type: 'all_key_mastered' } },
});

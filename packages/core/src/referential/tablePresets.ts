import type { z } from 'zod';
import type { templateTableSchema } from './manifestSchema.js';

type TableInput = z.input<typeof templateTableSchema>;

/** Funding sources a TZCLD budget tracks (the financing-watch tool). */
export const FUNDING_SOURCES = ['Partenariat', 'Mécénat', 'Appel à projets', 'Subvention publique'] as const;

/** Involvement levels of a stakeholder, from absent to actif. */
export const INVOLVEMENT_LEVELS = ['Absent', 'Informé', 'Consulté', 'Associé', 'Actif'] as const;

export const ACTION_STATUSES = ['À faire', 'En cours', 'Terminée', 'Abandonnée'] as const;

/**
 * The typed tables every referential can use in its templates. Column ids are stable: the
 * completeness rules, the charts and the exports read them.
 */
export const tablePresets = {
  budget: {
    kind: 'budget',
    columns: [
      { id: 'poste', label: 'Poste', type: 'text', required: true },
      { id: 'nature', label: 'Nature', type: 'enum', enum: ['Charge', 'Produit'], required: true },
      { id: 'categorie', label: 'Catégorie', type: 'text' },
      { id: 'montant', label: 'Montant', type: 'eur', required: true },
      { id: 'source', label: 'Source de financement', type: 'enum', enum: [...FUNDING_SOURCES] },
    ],
  },
  actionPlan: (phases: readonly string[]) => ({
    kind: 'action_plan',
    columns: [
      { id: 'action', label: 'Action', type: 'text', required: true },
      { id: 'phase', label: 'Phase', type: 'enum', enum: [...phases], required: true },
      { id: 'responsable', label: 'Responsable', type: 'text' },
      { id: 'debut', label: 'Début', type: 'date' },
      { id: 'echeance', label: 'Échéance', type: 'date' },
      { id: 'statut', label: 'Statut', type: 'enum', enum: [...ACTION_STATUSES] },
      { id: 'indicateur', label: 'Indicateur', type: 'text' },
    ],
  }),
  stakeholders: {
    kind: 'stakeholders',
    columns: [
      { id: 'acteur', label: 'Acteur', type: 'text', required: true },
      { id: 'type', label: 'Type', type: 'text' },
      { id: 'implication', label: "Niveau d’implication", type: 'enum', enum: [...INVOLVEMENT_LEVELS], required: true },
      { id: 'role', label: 'Rôle', type: 'text' },
    ],
  },
  indicators: {
    kind: 'indicators',
    columns: [
      { id: 'indicateur', label: 'Indicateur', type: 'text', required: true },
      { id: 'cible', label: 'Cible', type: 'text', required: true },
      { id: 'realise', label: 'Réalisé', type: 'text' },
      { id: 'ecart', label: 'Écart', type: 'text' },
      { id: 'echeance', label: 'Échéance', type: 'text' },
      { id: 'commentaire', label: 'Commentaire', type: 'text' },
    ],
  },
} as const satisfies {
  budget: TableInput;
  actionPlan: (phases: readonly string[]) => TableInput;
  stakeholders: TableInput;
  indicators: TableInput;
};

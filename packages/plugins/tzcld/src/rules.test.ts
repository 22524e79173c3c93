import {
  evaluateCompleteness,
  manifestSchema,
  templateToProseMirrorJSON,
  type ProseMirrorJSON,
  type ReferentialManifest,
} from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { tzcldReferential } from './manifest.js';
import { TZCLD_PHASES } from './phases.js';
import { TEMPLATE } from './templates/ids.js';

const manifest: ReferentialManifest = manifestSchema.parse(tzcldReferential);

function documentOf(templateId: string): ProseMirrorJSON {
  return templateToProseMirrorJSON(manifest.templates.find((t) => t.id === templateId)!);
}

/** Replaces the rows of a section's table, as people would fill it in the editor. */
function withRows(doc: ProseMirrorJSON, sectionId: string, rows: Record<string, string>[]): ProseMirrorJSON {
  return {
    ...doc,
    content: doc.content!.map((node) => {
      if (node.type !== 'typedTable' || node.attrs?.sectionId !== sectionId) return node;
      const columns = node.attrs.columns as { id: string }[];
      return {
        ...node,
        content: rows.map((row) => ({
          type: 'typedTableRow',
          content: columns.map((c) => ({ type: 'typedTableCell', attrs: { column: c.id }, ...(row[c.id] ? { content: [{ type: 'text', text: row[c.id]! }] } : {}) })),
        })),
      };
    }),
  };
}

/** Writes a paragraph right after a section's heading. */
function withText(doc: ProseMirrorJSON, sectionId: string, text: string): ProseMirrorJSON {
  const content = [...doc.content!];
  const at = content.findIndex((n) => n.type === 'heading' && n.attrs?.sectionId === sectionId);
  content.splice(at + 1, 1, { type: 'paragraph', content: [{ type: 'text', text }] });
  return { ...doc, content };
}

function missing(templateId: string, content: ProseMirrorJSON, ruleIdPrefix: string) {
  const report = evaluateCompleteness({ manifest, templateId, content, evidence: [], assessments: [], now: new Date('2026-06-15T12:00:00') });
  return report.missing.filter((item) => item.ruleId.startsWith(ruleIdPrefix)).map((item) => item.message);
}

describe('TZCLD rules on typed tables', () => {
  it('each of the four phases has actions, each action an échéance', () => {
    const three = withRows(
      documentOf(TEMPLATE.actionPlan),
      'actions',
      TZCLD_PHASES.slice(0, 3).map((phase, i) => ({ action: `Action ${i + 1}`, phase, echeance: i === 2 ? 'fin juin' : '30/06/2026' })),
    );
    expect(missing(TEMPLATE.actionPlan, three, 'plan-actions.phases')).toHaveLength(1);
    expect(missing(TEMPLATE.actionPlan, three, 'plan-actions.echeances')).toEqual([
      "Le plan d’actions est échéancé : donnez à chaque action une échéance au format jj/mm/aaaa.",
    ]);
    const four = withRows(
      documentOf(TEMPLATE.actionPlan),
      'actions',
      TZCLD_PHASES.map((phase, i) => ({ action: `Action ${i + 1}`, phase: phase.toUpperCase(), echeance: `0${i + 1}/09/2026` })),
    );
    expect(missing(TEMPLATE.actionPlan, four, 'plan-actions.phases')).toEqual([]);
    expect(missing(TEMPLATE.actionPlan, four, 'plan-actions.echeances')).toEqual([]);
  });

  it('the budget has charges and produits, balanced or explained, and every produit names its funding source', () => {
    const empty = documentOf(TEMPLATE.budget);
    expect(missing(TEMPLATE.budget, empty, 'budget.charges-produits')).toEqual([
      "Le budget « Budget prévisionnel (charges et produits) » n’a aucune charge.",
      "Le budget « Budget prévisionnel (charges et produits) » n’a aucun produit.",
    ]);
    const unbalanced = withRows(empty, 'budget', [
      { poste: 'Chargée de mission', nature: 'Charge', montant: '45 000 €' },
      { poste: 'Communication', nature: 'Charge', montant: '5\u202f000' },
      { poste: 'Département', nature: 'Produit', montant: '30 000', source: 'Subvention publique' },
      { poste: 'Fondation', nature: 'Produit', montant: '12 000' },
    ]);
    expect(missing(TEMPLATE.budget, unbalanced, 'budget.charges-produits')).toEqual([]);
    expect(missing(TEMPLATE.budget, unbalanced, 'budget.equilibre').map((m) => m.replace(/\s/g, ' '))).toEqual([
      "Le budget « Budget prévisionnel (charges et produits) » n’est pas équilibré : 50 000,00 € de charges pour 42 000,00 € de produits (écart de 8 000,00 €), et l’écart n’est pas expliqué dans la section « Explication de l’écart entre charges et produits ».",
    ]);
    // The charges have no source and need none; the fondation's produit does.
    expect(missing(TEMPLATE.budget, unbalanced, 'budget.sources')).toEqual([
      'Indiquez la source de financement (partenariat, mécénat, appel à projets, subvention publique) de chaque produit.',
    ]);
    const explained = withText(withRows(empty, 'budget', [
      { poste: 'Chargée de mission', nature: 'Charge', montant: '45 000 €' },
      { poste: 'Communication', nature: 'Charge', montant: '5\u202f000' },
      { poste: 'Département', nature: 'Produit', montant: '30 000', source: 'Subvention publique' },
      { poste: 'Fondation', nature: 'Produit', montant: '12 000', source: 'Mécénat' },
    ]), 'ecart', 'La réponse à l’appel à projets régional, attendue en septembre, couvrira les 8 000 € restants.');
    for (const rule of ['budget.charges-produits', 'budget.equilibre', 'budget.sources']) expect(missing(TEMPLATE.budget, explained, rule), rule).toEqual([]);
  });

  it('every stakeholder has an involvement level, from absent to actif', () => {
    const template = documentOf(TEMPLATE.stakeholders);
    // The map starts with the parties prenantes of the referential, none qualified yet.
    expect(missing(TEMPLATE.stakeholders, template, 'cartographie.implication')).toEqual([
      "La cartographie qualifie le niveau d’implication de chaque partie prenante, d’absent à actif.",
    ]);
    const qualified = withRows(template, 'cartographie', [
      { acteur: 'Mairie', type: 'Collectivités territoriales', implication: 'Actif' },
      { acteur: 'Pôle emploi', type: "Service public de l’emploi", implication: 'très impliqué' },
    ]);
    expect(missing(TEMPLATE.stakeholders, qualified, 'cartographie.implication')).toHaveLength(1);
    const valid = withRows(template, 'cartographie', [
      { acteur: 'Mairie', type: 'Collectivités territoriales', implication: 'Actif' },
      { acteur: 'Pôle emploi', type: "Service public de l’emploi", implication: 'associe' },
    ]);
    expect(missing(TEMPLATE.stakeholders, valid, 'cartographie.implication')).toEqual([]);
  });
});

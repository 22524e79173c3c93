import {
  completenessInputs,
  completenessWording,
  evaluateCompleteness,
  SEVERITY_LABELS,
  type CompletenessWording,
  type ReferentialManifest,
  type ReferentialRegistry,
} from '@canevas/core';
import { heading, paragraph, text, type Block } from './ExportBook.js';
import type { DocumentForExport } from './loadDocumentForExport.js';

export type ReferentialLookup = Pick<ReferentialRegistry, 'get' | 'ruleFunctions'>;

/**
 * The dossier's completeness annex: for each document that follows a referential, the core's
 * evaluation from the same inputs and in the same words as the completeness panel (score,
 * decision, each criterion's status, level and evidence, what is still missing).
 */
export function completenessAnnex(documents: readonly DocumentForExport[], referentials: ReferentialLookup, now: Date): Block[] {
  const blocks: Block[] = [{ kind: 'pageBreak' }, heading(1, 'Annexe — Complétude du dossier')];
  const withReferential = documents.filter((document) => document.metadata.referentialId !== null);
  if (withReferential.length === 0) {
    blocks.push(paragraph(text('Aucun document de ce dossier ne suit un référentiel : pas d’évaluation de complétude.', { italic: true })));
    return blocks;
  }
  for (const document of withReferential) {
    blocks.push(heading(2, document.metadata.title));
    const referentialId = document.metadata.referentialId!;
    const manifest = referentials.get(referentialId);
    if (!manifest) {
      blocks.push(paragraph(text(`Le référentiel « ${referentialId} » n’est pas disponible sur ce serveur : complétude non évaluée.`, { italic: true })));
      continue;
    }
    const report = evaluateCompleteness(
      completenessInputs({
        referential: { manifest, ruleFunctions: referentials.ruleFunctions(referentialId) },
        templateId: document.metadata.templateId,
        content: document.body,
        review: document,
        now,
      }),
    );
    blocks.push(...reportBlocks(manifest, completenessWording(manifest, report)));
  }
  const without = documents.length - withReferential.length;
  if (without > 0) {
    blocks.push(paragraph(text(`${without} ${without > 1 ? 'autres documents ne suivent' : 'autre document ne suit'} aucun référentiel.`, { italic: true })));
  }
  return blocks;
}

function reportBlocks(manifest: ReferentialManifest, wording: CompletenessWording): Block[] {
  const { decision } = wording;
  const blocks: Block[] = [
    paragraph(
      text('Référentiel : ', { bold: true }),
      text(manifest.shortTitle ?? manifest.title),
      { kind: 'break' },
      text('Complétude : ', { bold: true }),
      text(`${wording.score}, ${wording.checks}`),
      { kind: 'break' },
      text('Décision : ', { bold: true }),
      text(`${decision.icon} ${decision.label}`),
      { kind: 'break' },
      text('Règle du référentiel : ', { bold: true }),
      text(decision.rule),
    ),
  ];
  if (decision.reasons.length > 0) {
    blocks.push({ kind: 'list', ordered: false, start: 1, items: decision.reasons.map((reason) => [paragraph(text(reason))]) });
  }
  if (wording.criteria.length > 0) {
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: 'Code', numeric: false },
          { label: 'Critère', numeric: false },
          { label: 'Statut', numeric: false },
          { label: 'Preuves', numeric: false },
        ],
        rows: wording.criteria.map((criterion) => [
          criterion.code ?? '—',
          criterion.label,
          criterion.level === undefined ? criterion.status.label : `${criterion.status.label} : ${criterion.level}`,
          criterion.evidence,
        ]),
        totals: [],
        totalsColumn: 0,
        notes: [],
      },
    });
  }
  if (wording.toComplete.length === 0) {
    blocks.push(paragraph(text('Rien d’autre ne manque au regard du référentiel.', { italic: true })));
  } else {
    blocks.push(paragraph(text('À compléter', { bold: true })));
    blocks.push({
      kind: 'list',
      ordered: false,
      start: 1,
      items: wording.toComplete.map(({ severity, message }) => [paragraph(text(`${SEVERITY_LABELS[severity]} : `, { bold: true }), text(message))]),
    });
  }
  return blocks;
}

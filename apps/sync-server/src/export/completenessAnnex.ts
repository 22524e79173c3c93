import {
  evaluateCompleteness,
  type CompletenessReport,
  type ReferentialManifest,
  type ReferentialRegistry,
  type Severity,
} from '@canevas/core';
import { heading, paragraph, text, type Block } from './ExportBook.js';
import type { DocumentForExport } from './loadDocumentForExport.js';

export type ReferentialLookup = Pick<ReferentialRegistry, 'get' | 'ruleFunctions'>;

const SEVERITY_LABELS: Record<Severity, string> = { error: 'À compléter', warning: 'À vérifier', info: 'Remarque' };

/**
 * The dossier's completeness annex: for each document that follows a referential, the core's
 * evaluation (the same as the completeness panel): score, decision, each criterion's status and
 * evidence, and what is still missing, in French.
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
    const report = evaluateCompleteness({
      manifest,
      ...(document.metadata.templateId !== null && { templateId: document.metadata.templateId }),
      content: document.content,
      evidence: document.evidence,
      // Assessments are not stored yet (review issue); the criteria show their evidence status.
      assessments: [],
      ruleFunctions: referentials.ruleFunctions(referentialId),
      now,
    });
    blocks.push(...reportBlocks(manifest, report));
  }
  const without = documents.length - withReferential.length;
  if (without > 0) {
    blocks.push(paragraph(text(`${without} ${without > 1 ? 'autres documents ne suivent' : 'autre document ne suit'} aucun référentiel.`, { italic: true })));
  }
  return blocks;
}

function reportBlocks(manifest: ReferentialManifest, report: CompletenessReport): Block[] {
  const codes = new Map(manifest.nodes.map((node) => [node.id, node.code ?? node.label]));
  const referentialTitle = manifest.shortTitle ?? manifest.title;
  const blocks: Block[] = [
    paragraph(
      text('Référentiel : ', { bold: true }),
      text(referentialTitle),
      { kind: 'break' },
      text('Vérifications satisfaites : ', { bold: true }),
      text(`${report.checks.satisfied} sur ${report.checks.total} (${report.score} %)`),
      { kind: 'break' },
      text('Décision : ', { bold: true }),
      text(report.decision.label),
    ),
  ];
  if (report.criteria.length > 0) {
    blocks.push({
      kind: 'table',
      table: {
        columns: [
          { label: 'Code', numeric: false },
          { label: 'Critère', numeric: false },
          { label: 'Statut', numeric: false },
          { label: 'Preuves', numeric: true },
        ],
        rows: report.criteria.map((criterion) => [
          criterion.code ?? '—',
          criterion.label,
          criterion.assessment ? `${criterion.status} (${criterion.assessment.label})` : criterion.status,
          `${criterion.evidenceCount} / ${criterion.requiredEvidence}`,
        ]),
        totals: [],
        totalsColumn: 0,
        notes: [],
      },
    });
  }
  if (report.missing.length === 0) {
    blocks.push(paragraph(text('Rien ne manque au regard du référentiel.', { italic: true })));
  } else {
    blocks.push(paragraph(text('Ce qui manque', { bold: true })));
    blocks.push({
      kind: 'list',
      ordered: false,
      start: 1,
      items: groupMissing(report, codes).map(({ severity, message, nodes }) => [
        paragraph(text(`${SEVERITY_LABELS[severity]} : `, { bold: true }), text(namesItsCriteria(message, nodes) ? message : `${message} (${nodes.join(', ')})`)),
      ]),
    });
  }
  return blocks;
}

/** One line per distinct message, naming the criteria it concerns, rather than the same sentence fifteen times. */
function groupMissing(report: CompletenessReport, codes: ReadonlyMap<string, string>) {
  const groups = new Map<string, { severity: Severity; message: string; nodes: string[] }>();
  for (const item of report.missing) {
    const key = `${item.severity}\u0000${item.message}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity: item.severity, message: item.message, nodes: [] }));
    for (const id of item.nodeIds) {
      const code = codes.get(id) ?? id;
      if (!group.nodes.includes(code)) group.nodes.push(code);
    }
  }
  return [...groups.values()];
}

function namesItsCriteria(message: string, nodes: readonly string[]): boolean {
  return nodes.length === 0 || nodes.every((code) => message.includes(code));
}

import type { ReferentialManifest } from '@canevas/core';
import { heading, paragraph, text, type Block, type HeadingLevel } from './ExportBook.js';
import type { DocumentForExport } from './loadDocumentForExport.js';

/**
 * « Preuves liées aux critères »: for each passage linked as evidence, the criterion's code and
 * label and the quote. A « détaché » link (its passage was deleted) is listed with the quote kept
 * at linking time and flagged, never left out.
 */
export function evidenceAnnex(document: DocumentForExport, manifest: ReferentialManifest | undefined, level: HeadingLevel): Block[] {
  const blocks: Block[] = [heading(level, 'Annexe — Preuves liées aux critères')];
  if (document.evidence.length === 0) {
    blocks.push(paragraph(text('Aucun passage de ce document n’est lié à un critère.', { italic: true })));
    return blocks;
  }
  const nodes = new Map((manifest?.nodes ?? []).map((node, order) => [node.id, { node, order }]));
  const links = [...document.evidence].sort(
    (a, b) =>
      (nodes.get(a.nodeId)?.order ?? Number.MAX_SAFE_INTEGER) - (nodes.get(b.nodeId)?.order ?? Number.MAX_SAFE_INTEGER) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const rows = links.map((link) => {
    const node = nodes.get(link.nodeId)?.node;
    const quote = link.resolution.status === 'attached' ? link.resolution.text : link.anchor.quote.exact;
    return [
      node?.code ?? '—',
      node?.label ?? `Critère inconnu du référentiel (« ${link.nodeId} »)`,
      `« ${quote.trim()} »`,
      link.status === 'detached' ? 'détaché (passage supprimé)' : 'rattaché',
    ];
  });
  const detached = links.filter((link) => link.status === 'detached').length;
  blocks.push({
    kind: 'table',
    table: {
      columns: ['Code', 'Critère', 'Passage cité', 'État'].map((label) => ({ label, numeric: false })),
      rows,
      totals: [],
      totalsColumn: 0,
      notes:
        detached === 0
          ? []
          : [`${detached} ${detached > 1 ? 'passages détachés' : 'passage détaché'} : le texte lié a été supprimé du document ; la citation est celle du moment du lien.`],
    },
  });
  return blocks;
}

import type { ResolvedEvidenceLink } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { evidenceHighlights } from './evidenceHighlights.js';

function link(id: string, nodeId: string, resolution: ResolvedEvidenceLink['resolution']): ResolvedEvidenceLink {
  return {
    id,
    nodeId,
    status: resolution.status,
    resolution,
    anchor: { start: '', end: '', quote: { exact: 'passage', prefix: '', suffix: '' } },
    createdBy: 'Alice',
    createdAt: '2026-01-01T00:00:00Z',
  };
}

const codes: Record<string, string> = { 'cp2-c2': 'CP2-C2', 'cp3-c4': 'CP3-C4' };
const codeOf = (nodeId: string) => codes[nodeId] ?? nodeId;

describe('evidenceHighlights', () => {
  it('merges links on the same passage into one label and sorts passages by position', () => {
    const links = [
      link('c', 'cp2-c2', { status: 'attached', text: 'plus loin', from: 40, to: 49 }),
      link('a', 'cp2-c2', { status: 'attached', text: 'diagnostic', from: 4, to: 14 }),
      link('b', 'cp3-c4', { status: 'attached', text: 'diagnostic', from: 4, to: 14 }),
      link('d', 'cp2-c2', { status: 'attached', text: 'diagnostic', from: 4, to: 14 }),
    ];
    expect(evidenceHighlights(links, codeOf, 100)).toEqual([
      { from: 4, to: 14, linkIds: ['a', 'b', 'd'], codes: ['CP2-C2', 'CP3-C4'] },
      { from: 40, to: 49, linkIds: ['c'], codes: ['CP2-C2'] },
    ]);
  });

  it('skips détaché links and ranges that do not fit the document', () => {
    const links = [
      link('a', 'cp2-c2', { status: 'detached', text: '' }),
      link('b', 'cp2-c2', { status: 'attached', text: 'trop loin', from: 95, to: 120 }),
      link('c', 'cp2-c2', { status: 'attached', text: '', from: 10, to: 10 }),
    ];
    expect(evidenceHighlights(links, codeOf, 100)).toEqual([]);
  });
});

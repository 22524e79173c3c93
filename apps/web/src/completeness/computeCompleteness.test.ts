import {
  createAnchor,
  recordAssessment,
  readAssessments,
  resolveEvidenceLinks,
  templateToProseMirrorJSON,
  validateManifest,
  type ProseMirrorJSON,
  type StoredEvidenceLink,
} from '@canevas/core';
import { proseMirrorJSONToUpdate } from '@canevas/core/editor';
import { anpeReferential } from '@canevas/plugin-anpe';
import { tzcldReferential } from '@canevas/plugin-tzcld';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeCompleteness } from './computeCompleteness.js';

const validation = validateManifest(tzcldReferential);
if (!validation.ok) throw new Error('manifeste TZCLD invalide');
const manifest = validation.manifest;
const template = manifest.templates.find((t) => t.id === 'plan-actions')!;

const SENTENCE = 'Le territoire priorise la mobilisation des personnes privées d’emploi.';

/** The plan d'actions as created, with one sentence typed under its first heading. */
function planWithSentence(): Y.Doc {
  const json = templateToProseMirrorJSON(template);
  const content = [...(json.content ?? [])];
  const paragraph = content.findIndex((node) => node.type === 'paragraph');
  content[paragraph] = { type: 'paragraph', content: [{ type: 'text', text: SENTENCE }] } satisfies ProseMirrorJSON;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, proseMirrorJSONToUpdate({ ...json, content }));
  return doc;
}

function sentenceRange(doc: Y.Doc): { from: number; to: number } {
  // ProseMirror positions: find the sentence by walking the top-level blocks.
  let position = 0;
  for (const block of doc.getXmlFragment('default').toArray() as Y.XmlElement[]) {
    const text = block.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('');
    if (text === SENTENCE) return { from: position + 1, to: position + 1 + SENTENCE.length };
    position += 2 + text.length;
  }
  throw new Error('phrase introuvable');
}

const statusOf = (result: ReturnType<typeof computeCompleteness>, nodeId: string) =>
  result.report.criteria.find((criterion) => criterion.nodeId === nodeId)?.status;

describe('computeCompleteness', () => {
  it('counts a linked passage for its criterion, and stops counting it once détaché', () => {
    const doc = planWithSentence();
    const { from, to } = sentenceRange(doc);
    const stored: StoredEvidenceLink = {
      id: 'lien-1',
      nodeId: 'cp2-c2',
      anchor: createAnchor(doc, from, to),
      createdBy: 'Alice',
      createdAt: '2026-03-01T10:00:00Z',
    };
    const inputs = { manifest, templateId: 'plan-actions', contentDoc: doc, assessments: [], ruleFunctions: {} };

    const before = computeCompleteness({ ...inputs, evidence: [] });
    expect(statusOf(before, 'cp2-c2')).toBe('absent');
    expect(before.tree.map((root) => root.node.code)).toEqual(['Activité 1', 'Activité 2', 'Activité 3', 'Activité 4']);

    const linked = computeCompleteness({ ...inputs, evidence: resolveEvidenceLinks(doc, [stored]) });
    // Linked, but « Priorisation et échéancier » (also for CP2-C2) is still empty.
    expect(statusOf(linked, 'cp2-c2')).toBe('partiel');
    expect(linked.report.criteria.find((c) => c.nodeId === 'cp2-c2')!.evidenceCount).toBe(1);

    const paragraph = doc.getXmlFragment('default').toArray().find((block) => block.toString().includes('priorise'))!;
    doc.getXmlFragment('default').delete(doc.getXmlFragment('default').toArray().indexOf(paragraph), 1);
    const detached = resolveEvidenceLinks(doc, [stored]);
    expect(detached[0]!.status).toBe('detached');
    expect(statusOf(computeCompleteness({ ...inputs, evidence: detached }), 'cp2-c2')).toBe('absent');
  });

  it('evaluates a document without template against the referential’s criteria only', () => {
    const doc = new Y.Doc();
    const result = computeCompleteness({ manifest, templateId: null, contentDoc: doc, evidence: [], assessments: [], ruleFunctions: {} });
    expect(result.report.templateId).toBeUndefined();
    expect(result.report.criteria).toHaveLength(15);
    expect(result.report.sections).toEqual([]);
  });

  it('takes the live assessments: statuses, and the ANPE decision once every key competency is mastered', () => {
    const anpe = validateManifest(anpeReferential);
    if (!anpe.ok) throw new Error('manifeste ANPE invalide');
    const review = new Y.Doc();
    const compute = () =>
      computeCompleteness({
        manifest: anpe.manifest,
        templateId: 'dossier-validation',
        contentDoc: new Y.Doc(),
        evidence: [],
        assessments: readAssessments(review),
        ruleFunctions: {},
      }).report;
    expect(compute().decision.outcome).toBe('pending');

    const assess = (nodeId: string, level: string) => recordAssessment(review, { nodeId, level, by: 'u1', byName: 'Marc', at: new Date().toISOString() });
    assess('c1', 'maitrisee');
    assess('c2', 'maitrisee');
    assess('c3', 'partiellement-maitrisee');
    const partial = compute();
    expect(partial.criteria.find((criterion) => criterion.nodeId === 'c1')).toMatchObject({ status: 'évalué', assessment: { label: 'Maîtrisée', proficient: true } });
    expect(partial.decision.outcome).toBe('not_validated');
    assess('c3', 'maitrisee');
    expect(compute().decision).toMatchObject({ outcome: 'validated', label: 'Validé' });
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completenessInputs, evaluateCompleteness, readEvidenceLinks, readReviewState, resolveEvidenceLinks, reviewRoomOf } from '@canevas/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadReferentials } from '../plugins/loadReferentials.js';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { seedDemo } from './seedDemo.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function loadDoc(store: SqliteDocumentStore, room: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(room);
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

describe('seedDemo', () => {
  it('drafts TZCLD and CEFI documents from their templates, with attached evidence, and a free document', async () => {
    dir = await mkdtemp(join(tmpdir(), 'canevas-demo-'));
    const store = new SqliteDocumentStore({ file: join(dir, 'canevas.sqlite') });
    const { registry } = await loadReferentials();
    try {
      expect(await seedDemo(store, registry)).toBe(4);
      expect(await seedDemo(store, registry)).toBe(0);
      const documents = await store.listDocuments();
      expect(documents.map((d) => [d.referentialId, d.templateId])).toEqual([
        ['tzcld', 'plan-actions'],
        ['tzcld', 'plan-communication'],
        ['cefi', 'memoire-bloc1'],
        [null, null],
      ]);

      const plan = documents[0]!;
      const content = await loadDoc(store, plan.id);
      const review = await loadDoc(store, reviewRoomOf(plan.id));
      const links = readEvidenceLinks(review);
      expect(links.map((link) => link.nodeId)).toEqual(['cp2-c2', 'cp2-c2']);
      expect(resolveEvidenceLinks(content, links).map((link) => link.status)).toEqual(['attached', 'attached']);

      // The drafted plan covers the four TZCLD phases, so the panel has progress to show.
      const report = evaluateCompleteness(
        completenessInputs({
          referential: { manifest: registry.get('tzcld')!, ruleFunctions: registry.ruleFunctions('tzcld') },
          templateId: 'plan-actions',
          content,
          review: readReviewState(content, review),
        }),
      );
      expect(report.missing.filter((item) => item.message.startsWith('La phase'))).toEqual([]);
      expect(report.score).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    // Four documents from real templates, with evidence and completeness: seconds on a loaded machine.
  }, 30_000);
});

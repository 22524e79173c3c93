// Storage and speed of the version history (issue 16, docs/adr/0012-version-history.md): 200
// versions of the bench's 30-page dossier, stored by the real SQLite store as the server stores
// them (full Yjs state per version, garbage collection on). Two histories:
// - writing: a version every 1/200th of the editing trace, as the dossier grows from nothing;
// - revising: the finished dossier revised, a version after each round of a few edits (the
//   steady state of a dossier under review: every version is a full 30 pages).
// Run: npx tsx bench/src/experiments/versionStorage.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDocumentBody } from '@canevas/core';
import { computeRestoration, openStores, type Stores } from '@canevas/sync-server';
import * as Y from 'yjs';
import { generateEditingTrace } from '../workload/editingTrace.js';
import { frenchSentence } from '../workload/frenchText.js';
import { seededRandom } from '../workload/random.js';

const VERSIONS = 200;
const trace = generateEditingTrace({ pages: 30 });
console.log(`dossier: ${trace.stats.pages} pages, ${trace.stats.words} words, ${trace.stats.transactions} transactions, final state ${kib(trace.finalUpdate.byteLength)}`);

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function writingHistory(): Uint8Array[] {
  const doc = new Y.Doc();
  const states: Uint8Array[] = [];
  const step = trace.updates.length / VERSIONS;
  trace.updates.forEach((update, index) => {
    Y.applyUpdate(doc, update);
    if (Math.floor((index + 1) / step) > states.length) states.push(Y.encodeStateAsUpdate(doc));
  });
  return states;
}

function revisingHistory(): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, trace.finalUpdate);
  const random = seededRandom(16);
  const blocks = doc.getXmlFragment('default');
  const states: Uint8Array[] = [];
  for (let round = 0; round < VERSIONS; round++) {
    // A few edits a round: a sentence added, a passage deleted.
    for (let edit = 0; edit < 5; edit++) {
      const text = (blocks.get(Math.floor(random() * blocks.length)) as Y.XmlElement).get(0) as Y.XmlText;
      if (random() < 0.6) text.insert(Math.floor(random() * text.length), ` ${frenchSentence(random, 8)}`);
      else if (text.length > 40) text.delete(Math.floor(random() * (text.length - 30)), 25);
    }
    states.push(Y.encodeStateAsUpdate(doc));
  }
  return states;
}

async function measure(name: string, states: Uint8Array[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'canevas-versions-'));
  const stores: Stores = await openStores({ role: 'server', dataDir: dir });
  try {
    await stores.documents.createDocument({ id: 'dossier', title: 'Dossier', workspaceId: null, referentialId: null, templateId: null, createdAt: 0, snapshot: states.at(-1)! });
    const sizeBefore = databaseBytes(dir);
    for (const [index, state] of states.entries()) {
      await stores.versions.create({ id: `v${index}`, documentId: 'dossier', kind: 'auto', name: null, createdAt: index * 60_000, createdBy: null, editors: ['u1', 'u2'], restoredFrom: null, state });
    }
    (stores.documents as unknown as { database: { pragma(sql: string): unknown } }).database.pragma('wal_checkpoint(TRUNCATE)');
    const stored = databaseBytes(dir) - sizeBefore;
    const states_ = states.reduce((sum, state) => sum + state.byteLength, 0);
    const storedBytes = (await stores.versions.list('dossier')).reduce((sum, version) => sum + version.bytes, 0);

    const listMs = await best(5, async () => void (await stores.versions.list('dossier')));
    const openMs = await best(5, async () => {
      const version = await stores.versions.get('v10');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, version!.state);
      readDocumentBody(doc);
      doc.destroy();
    });
    const restoreMs = await best(5, async () => {
      const live = new Y.Doc();
      Y.applyUpdate(live, states.at(-1)!);
      const version = await stores.versions.get('v10');
      const started = performance.now();
      const { update, replica } = computeRestoration(live, version!.state);
      Y.applyUpdate(live, update!);
      replica.destroy();
      live.destroy();
      return performance.now() - started;
    });
    console.log(
      `${name}: ${VERSIONS} versions, states ${mib(states_)} (largest ${kib(Math.max(...states.map((s) => s.byteLength)))}), ` +
        `stored ${mib(storedBytes)}, database file +${mib(stored)}; list ${listMs.toFixed(1)} ms, open one ${openMs.toFixed(1)} ms, restore v10 → last (server side, computing and applying) ${restoreMs.toFixed(1)} ms`,
    );
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function databaseBytes(dir: string): number {
  let total = 0;
  for (const file of ['canevas.sqlite', 'canevas.sqlite-wal']) {
    try {
      total += statSync(join(dir, file)).size;
    } catch {
      // absent
    }
  }
  return total;
}

/** The fastest of `runs` (ms): what the code costs, with the machine's other load left out as far as one can. */
async function best(runs: number, run: () => Promise<number | void>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const inner = await run();
    fastest = Math.min(fastest, typeof inner === 'number' ? inner : performance.now() - started);
  }
  return fastest;
}

await measure('writing', writingHistory());
await measure('revising', revisingHistory());

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewRoomOf } from '@canevas/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../logger.js';
import { openStores } from '../store/openStores.js';
import type { Stores } from '../store/Stores.js';
import { copyStores, ForeignTargetError } from './copyStores.js';

// The copy through the store interfaces, between two real SQLite instances (the integration test
// cliMigrate runs it into PostgreSQL).

const opened: Stores[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function newStores(): Promise<Stores> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-copy-'));
  dirs.push(dir);
  const stores = await openStores({ role: 'exclusive', dataDir: dir, logger: silentLogger });
  opened.push(stores);
  return stores;
}

function state(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function textOf(stores: Stores, room: string): Promise<string> {
  const stored = await stores.documents.loadDocument(room);
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc.getText('text').toString();
}

async function sourceWithOneDocument(): Promise<Stores> {
  const source = await newStores();
  await source.documents.createDocument({ id: 'doc-1', title: 'Projet', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: state('Bonjour') });
  await source.documents.appendUpdates([{ room: reviewRoomOf('doc-1'), update: state('Preuve') }]);
  await source.documents.renameDocument('doc-1', 'Projet', 5);
  return source;
}

describe('copyStores', () => {
  it('copies a document with both rooms and its times, then finds it already there', async () => {
    const source = await sourceWithOneDocument();
    const target = await newStores();
    const first = await copyStores(source, target);
    expect(first.mismatches).toEqual([]);
    expect(first.kinds.find((kind) => kind.label === 'documents')).toEqual({ label: 'documents', feminine: false, source: 1, copied: 1, present: 0, verified: 1 });
    expect(await textOf(target, 'doc-1')).toBe('Bonjour');
    expect(await textOf(target, reviewRoomOf('doc-1'))).toBe('Preuve');
    expect(await target.documents.getDocument('doc-1')).toEqual(await source.documents.getDocument('doc-1'));

    const second = await copyStores(source, target);
    expect(second.kinds.find((kind) => kind.label === 'documents')).toEqual({ label: 'documents', feminine: false, source: 1, copied: 0, present: 1, verified: 1 });
    expect(await textOf(target, 'doc-1')).toBe('Bonjour');
  });

  it('refuses a target holding a document the source lacks, writing nothing', async () => {
    const source = await sourceWithOneDocument();
    const target = await newStores();
    await target.documents.createDocument({ id: 'ailleurs', title: 'Autre', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: state('') });
    await expect(copyStores(source, target)).rejects.toThrow(ForeignTargetError);
    expect(await target.documents.countDocuments()).toBe(1);
  });

  it('reports a document whose copy holds more than the source as a mismatch', async () => {
    const source = await sourceWithOneDocument();
    const target = await newStores();
    await copyStores(source, target);
    await target.documents.appendUpdates([{ room: 'doc-1', update: state('ajout') }]);
    const report = await copyStores(source, target);
    expect(report.mismatches.join('\n')).toContain('doc-1');
  });
});

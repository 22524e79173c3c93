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

  async function auditOf(stores: Stores): Promise<number[]> {
    const times: number[] = [];
    for await (const entry of stores.accounts.readAudit({}, { pageSize: 4 })) times.push(entry.at);
    return times;
  }

  const auditKind = (report: { kinds: { label: string }[] }) => report.kinds.find((kind) => kind.label === 'entrées du journal d’audit');

  it('copies and verifies an audit log longer than a page, whole and in order', async () => {
    const source = await newStores();
    for (let at = 1; at <= 7; at++) await source.accounts.audit({ at, userId: 'u1', action: 'document.open', documentId: `d${at}`, ...(at === 5 && { detail: { role: 'tutor' } }) });
    const target = await newStores();
    const report = await copyStores(source, target, { auditPageSize: 2 });
    expect(report.mismatches).toEqual([]);
    expect(auditKind(report)).toEqual({ label: 'entrées du journal d’audit', feminine: true, source: 7, copied: 7, present: 0, verified: 7 });
    expect(await auditOf(target)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await target.accounts.listAudit({})).toEqual(await source.accounts.listAudit({}));
  });

  it('finishes an audit log copy that stopped after a few pages, without writing an entry twice', async () => {
    const source = await newStores();
    for (let at = 1; at <= 7; at++) await source.accounts.audit({ at, userId: null, action: 'auth.login_failed' });
    const target = await newStores();
    // What an interrupted run leaves: the oldest entries, in order (here more than one page).
    for (let at = 1; at <= 5; at++) await target.accounts.audit({ at, userId: null, action: 'auth.login_failed' });
    const report = await copyStores(source, target, { auditPageSize: 2 });
    expect(report.mismatches).toEqual([]);
    expect(auditKind(report)).toEqual({ label: 'entrées du journal d’audit', feminine: true, source: 7, copied: 2, present: 5, verified: 7 });
    expect(await auditOf(target)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const again = await copyStores(source, target, { auditPageSize: 2 });
    expect(auditKind(again)).toEqual({ label: 'entrées du journal d’audit', feminine: true, source: 7, copied: 0, present: 7, verified: 7 });
  });

  it('reports an audit log whose copy differs from the source or holds more entries', async () => {
    const source = await newStores();
    for (let at = 1; at <= 5; at++) await source.accounts.audit({ at, userId: null, action: 'auth.login_failed' });
    const target = await newStores();
    for (let at = 1; at <= 5; at++) await target.accounts.audit({ at: at === 4 ? 40 : at, userId: null, action: 'auth.login_failed' });
    await target.accounts.audit({ at: 6, userId: null, action: 'auth.login_failed' });
    await target.accounts.audit({ at: 7, userId: null, action: 'auth.login_failed' });
    const report = await copyStores(source, target, { auditPageSize: 2 });
    expect(auditKind(report)).toMatchObject({ source: 5, copied: 0, present: 5, verified: 4 });
    expect(report.mismatches).toEqual(['Journal d’audit : la cible a 2 entrée(s) de plus que la source.', 'Entrées du journal d’audit : 4 vérifiées sur 5.']);
  });
});

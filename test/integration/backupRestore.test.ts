import { open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, SqliteDocumentStore } from '@canevas/sync-server';
import * as Y from 'yjs';
import { newClient, newDataDir, newTrpcClient, runCanevas, spawnServer, waitFor, type ServerProcess } from '../helpers/index.js';
import { newPostgresDatabase } from '../helpers/postgresDatabase.js';
import { bootstrapDataDir } from '../helpers/testAccounts.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer(dataDir);
  cleanup.push(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
  });
  return server;
}

function paragraphText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}

describe('pnpm canevas backup / restore', () => {
  it('backs up a running server and restores that state after it stops, keeping the replaced database', async () => {
    const dataDir = await newDataDir();
    const backupDir = await newDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }), () => rm(backupDir, { recursive: true, force: true }));
    const server = await start(dataDir);
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan d’actions' });
    const writer = newClient(server.syncUrl, id, { params: { ack: '1' } });
    cleanup.push(async () => writer.destroy());
    await writer.synced;
    const fragment = writer.doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Avant la sauvegarde')]);
    fragment.insert(0, [paragraph]);
    // Stored before relayed: once a peer has it, the database has it.
    const reader = newClient(server.syncUrl, id);
    cleanup.push(async () => reader.destroy());
    await waitFor(() => paragraphText(reader.doc).includes('Avant la sauvegarde'));

    const file = join(backupDir, 'canevas-sauvegarde.sqlite');
    const backup = await runCanevas(['backup', file, '--data', dataDir]);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toContain('Sauvegarde terminée : 1 document(s)');
    expect((await runCanevas(['backup', file, '--data', dataDir])).stderr).toContain('existe déjà');

    const refused = await runCanevas(['restore', file, '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('arrêtez-le avant de restaurer');

    const later = new Y.XmlElement('paragraph');
    later.insert(0, [new Y.XmlText('Après la sauvegarde')]);
    fragment.insert(1, [later]);
    await waitFor(() => paragraphText(reader.doc).includes('Après la sauvegarde'));
    writer.destroy();
    reader.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const restore = await runCanevas(['restore', file, '--data', dataDir]);
    expect(restore.code).toBe(0);
    expect(restore.stderr).toContain('Ancienne base conservée');
    expect((await readdir(dataDir)).some((name) => name.startsWith('canevas.sqlite.avant-restauration-'))).toBe(true);

    const restarted = await start(dataDir);
    const check = newClient(restarted.syncUrl, id);
    cleanup.push(async () => check.destroy());
    await check.synced;
    expect(paragraphText(check.doc)).toContain('Avant la sauvegarde');
    expect(paragraphText(check.doc)).not.toContain('Après la sauvegarde');
  });

  it('after a crash: the backup taken while running has the logged edits, and a restore keeps them in the replaced database without replaying them', async () => {
    const dataDir = await newDataDir();
    const backupDir = await newDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }), () => rm(backupDir, { recursive: true, force: true }));
    const server = await start(dataDir);
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Bilan intermédiaire' });
    const writer = newClient(server.syncUrl, id);
    const reader = newClient(server.syncUrl, id);
    cleanup.push(async () => writer.destroy(), async () => reader.destroy());
    await Promise.all([writer.synced, reader.synced]);
    const fragment = writer.doc.getXmlFragment('default');
    const typeParagraph = async (text: string) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
      await waitFor(() => paragraphText(reader.doc).includes(text));
    };
    await typeParagraph('Avant la sauvegarde');
    const file = join(backupDir, 'sauvegarde.sqlite');
    expect((await runCanevas(['backup', file, '--data', dataDir])).code).toBe(0);
    await typeParagraph('Après la sauvegarde');

    // Killed: both edits are only in the update log, not in the database file.
    server.child.kill('SIGKILL');
    await server.exited;
    writer.destroy();
    reader.destroy();
    const logDir = join(dataDir, 'canevas.sqlite-log');
    expect((await readdir(logDir)).filter((name) => name.endsWith('.log')).length).toBeGreaterThan(0);

    const restore = await runCanevas(['restore', file, '--data', dataDir]);
    expect(restore.code).toBe(0);
    expect((await readdir(logDir)).filter((name) => name.endsWith('.log'))).toEqual([]);
    const kept = (await readdir(dataDir)).find((name) => name.startsWith('canevas.sqlite.avant-restauration-'))!;
    const replaced = new SqliteDocumentStore({ file: join(dataDir, kept) });
    try {
      const stored = await replaced.loadDocument(id);
      const doc = new Y.Doc();
      if (stored!.snapshot) Y.applyUpdate(doc, stored!.snapshot);
      for (const { update } of stored!.updates) Y.applyUpdate(doc, update);
      expect(paragraphText(doc)).toContain('Avant la sauvegarde');
      expect(paragraphText(doc)).toContain('Après la sauvegarde');
    } finally {
      await replaced.close();
    }

    const restarted = await start(dataDir);
    const check = newClient(restarted.syncUrl, id);
    cleanup.push(async () => check.destroy());
    await check.synced;
    expect(paragraphText(check.doc)).toContain('Avant la sauvegarde');
    expect(paragraphText(check.doc)).not.toContain('Après la sauvegarde');
  });

  it('a database whose header is damaged: the server and the commands say so in French and point to restore, which then works', async () => {
    const dataDir = await newDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const live = join(dataDir, 'canevas.sqlite');
    const admin = await bootstrapDataDir(dataDir);
    const store = new SqliteDocumentStore({ file: live });
    await store.createDocument({ id: 'bilan-1', title: 'Bilan', workspaceId: admin.workspaceId, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) });
    await store.close();
    const file = join(dataDir, 'sauvegarde.sqlite');
    expect((await runCanevas(['backup', file, '--data', dataDir])).code).toBe(0);
    // « SQLite format 3\0 » overwritten, as a bad disk sector or a stray write would.
    const handle = await open(live, 'r+');
    await handle.write(Buffer.alloc(16, 0x5a), 0, 16, 0);
    await handle.close();

    const failed = await spawnServer(dataDir).then(
      (server) => {
        server.child.kill('SIGKILL');
        throw new Error('the server started on a damaged database');
      },
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/^server exited \(1\) before listening/);
    expect(failed).toContain(`La base de données ${live} est illisible : son en-tête est endommagé`);
    expect(failed).toContain(`pnpm canevas restore <sauvegarde> --data ${dataDir}`);
    expect(failed).not.toMatch(/\n\s+at /);

    const member = await runCanevas(['member', 'add', '--workspace', admin.workspaceId, '--email', admin.email, '--role', 'owner', '--data', dataDir]);
    expect(member.code).toBe(1);
    expect(member.stderr).toContain(`La base de données ${live} est illisible`);
    expect(member.stderr).not.toMatch(/\n\s+at /);

    const restore = await runCanevas(['restore', file, '--data', dataDir]);
    expect([restore.code, restore.stderr]).toEqual([0, expect.stringContaining('Ancienne base, illisible, conservée telle quelle')]);
    const restored = new SqliteDocumentStore({ file: live });
    try {
      expect((await restored.listDocuments()).map((document) => document.title)).toEqual(['Bilan']);
    } finally {
      await restored.close();
    }
  });

  it('refuses a file that is not a Canevas database', async () => {
    const dataDir = await newDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const notABackup = join(dataDir, 'notes.txt');
    await writeFile(notABackup, 'bonjour');
    const result = await runCanevas(['restore', notABackup, '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Sauvegarde invalide');
  });

  it('on PostgreSQL, backup and restore point to pg_dump and pg_restore, and write nothing', async () => {
    const database = await newPostgresDatabase();
    cleanup.push(() => database.drop());
    const dataDir = await newDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    // The schema exists, as after a first start.
    await (await openStores({ role: 'command', dataDir, databaseUrl: database.url })).close();
    const env = { DATABASE_URL: database.url };
    const file = join(dataDir, 'sauvegarde.sqlite');

    const backup = await runCanevas(['backup', file, '--data', dataDir], { env });
    expect([backup.code, backup.stderr]).toEqual([1, expect.stringContaining('pg_dump')]);
    const restore = await runCanevas(['restore', file, '--data', dataDir], { env });
    expect([restore.code, restore.stderr]).toEqual([1, expect.stringContaining('pg_restore')]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createAnchor, readThreads, reviewRoomOf } from '@canevas/core';
import { SqliteAccountStore, SqliteDocumentStore } from '@canevas/sync-server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClient, newDataDir, newServer, newTrpcClient, runCanevas, spawnServer, type ServerProcess, type TestClient } from '../helpers/index.js';

let dataDir: string | undefined;
let server: ServerProcess | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  server = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** A room as stored on disk (snapshot then log), read without any server. */
async function storedDoc(store: SqliteDocumentStore, room: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(room);
  if (!stored) throw new Error(`${room} is not stored`);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('administration commands (contract 5)', () => {
  it('creates an admin, a workspace, a member with a role and an API token', async () => {
    dataDir = await newDataDir();
    const env = { DATA_DIR: dataDir };
    const admin = await runCanevas(['user', 'create', '--email', 'Admin@Exemple.fr', '--password-stdin'], { env, stdin: 'un mot de passe solide\n' });
    expect(admin.code).toBe(0);
    expect(admin.stderr).toContain('administrateur de l’instance');
    const tutor = await runCanevas(['user', 'create', '--email', 'tuteur@exemple.fr', '--name', 'Marc', '--password-stdin'], { env, stdin: 'mot de passe du tuteur' });
    expect(tutor.code).toBe(0);

    const workspace = await runCanevas(['workspace', 'create', '--name', 'Dossier de Léa', '--owner', 'admin@exemple.fr'], { env });
    expect(workspace.code).toBe(0);
    const workspaceId = workspace.stdout.trim();
    expect(workspaceId).toMatch(/^[\w-]{16}$/);

    const member = await runCanevas(['member', 'add', '--workspace', workspaceId, '--email', 'tuteur@exemple.fr', '--role', 'tutor'], { env });
    expect(member.code).toBe(0);

    const token = await runCanevas(['token', 'create', '--email', 'tuteur@exemple.fr'], { env });
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^cnv_[\w-]{43}$/);

    const store = new SqliteDocumentStore({ file: join(dataDir, 'canevas.sqlite') });
    try {
      const accounts = new SqliteAccountStore(store.database);
      const members = await accounts.listMembers(workspaceId);
      expect(members.map((m) => [m.user.email, m.role, m.user.isAdmin])).toEqual([
        ['admin@exemple.fr', 'owner', true],
        ['tuteur@exemple.fr', 'tutor', false],
      ]);
      // Only a hash is kept: the printed token appears nowhere in the database.
      const raw = store.database.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[];
      expect(raw.map((row) => row.token_hash)).not.toContain(token.stdout.trim());
    } finally {
      await store.close();
    }
  });

  it('lists and revokes API tokens from the CLI; they expire after API_TOKEN_DAYS unless --days says otherwise', async () => {
    const running = await newServer();
    try {
      const env = { DATA_DIR: running.dataDir, API_TOKEN_DAYS: '7' };
      const created = await runCanevas(['token', 'create', '--email', running.admin.email, '--name', 'import'], { env });
      expect(created.code).toBe(0);
      expect(created.stderr).toMatch(/^Jeton valable jusqu’au \d{2}\/\d{2}\/\d{4}/);
      const longer = await runCanevas(['token', 'create', '--email', running.admin.email, '--name', 'archive', '--days', '365'], { env });
      const token = created.stdout.trim();
      // Used once through the API: the list shows it.
      expect((await fetch(`${running.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      // A token from before tokens expired by default stays valid, « sans expiration ».
      const admin = (await running.accounts.findUserByEmail(running.admin.email))!;
      await running.accounts.createApiToken({ id: 'ancien-jeton', tokenHash: 'empreinte', userId: admin.id, name: 'ancien', createdAt: 1, expiresAt: null });

      const listed = await runCanevas(['token', 'list', '--email', running.admin.email, '--json'], { env });
      const tokens = JSON.parse(listed.stdout) as { id: string; name: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null }[];
      const byName = (name: string) => tokens.find((entry) => entry.name === name)!;
      expect(Date.parse(byName('import').expiresAt!) - Date.parse(byName('import').createdAt)).toBe(7 * 24 * 3600_000);
      expect(Date.parse(byName('archive').expiresAt!) - Date.parse(byName('archive').createdAt)).toBe(365 * 24 * 3600_000);
      expect(byName('import').lastUsedAt).not.toBeNull();
      expect(byName('archive').lastUsedAt).toBeNull();
      expect(longer.code).toBe(0);
      const text = await runCanevas(['token', 'list', '--email', running.admin.email], { env });
      expect(text.stdout).toMatch(/ancien-jeton {2}ancien {2}créé le .* {2}sans expiration {2}jamais utilisé/);
      expect(text.stdout).toMatch(new RegExp(`${byName('import').id} {2}import {2}créé le .* {2}expire le .* {2}utilisé le `));

      const revoked = await runCanevas(['token', 'revoke', byName('import').id], { env });
      expect([revoked.code, revoked.stderr]).toEqual([0, `Jeton ${byName('import').id} révoqué.\n`]);
      expect((await fetch(`${running.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    } finally {
      await running.dispose();
    }
    // Six CLI runs: on a loaded machine each start takes seconds.
  }, 180_000);

  it('refuses bad input with a clear message and the right exit code', async () => {
    dataDir = await newDataDir();
    const env = { DATA_DIR: dataDir };
    const noStdin = await runCanevas(['user', 'create', '--email', 'a@exemple.fr'], { env });
    expect([noStdin.code, noStdin.stderr]).toEqual([2, expect.stringContaining('--password-stdin')]);
    const weak = await runCanevas(['user', 'create', '--email', 'a@exemple.fr', '--password-stdin'], { env, stdin: 'court' });
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('au moins 10 caractères')]);
    await runCanevas(['user', 'create', '--email', 'a@exemple.fr', '--password-stdin'], { env, stdin: 'un mot de passe solide' });
    const twice = await runCanevas(['user', 'create', '--email', 'A@exemple.fr', '--password-stdin'], { env, stdin: 'un mot de passe solide' });
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining('Un compte existe déjà')]);
    const role = await runCanevas(['member', 'add', '--workspace', 'w', '--email', 'a@exemple.fr', '--role', 'chef'], { env });
    expect([role.code, role.stderr]).toEqual([2, expect.stringContaining('Rôle inconnu : chef')]);
    const workspace = await runCanevas(['member', 'add', '--workspace', 'nope', '--email', 'a@exemple.fr', '--role', 'viewer'], { env });
    expect([workspace.code, workspace.stderr]).toEqual([1, expect.stringContaining('Espace de travail introuvable')]);
    const owner = await runCanevas(['workspace', 'create', '--name', 'X', '--owner', 'inconnu@exemple.fr'], { env });
    expect([owner.code, owner.stderr]).toEqual([1, expect.stringContaining('Aucun compte pour inconnu@exemple.fr')]);
  });
});

describe('ids that begin with « - » (printed before ids were drawn without one)', () => {
  it('adds a member to a workspace and exports a document, both with an id that begins with « - »', async () => {
    dataDir = await newDataDir();
    const env = { DATA_DIR: dataDir };
    expect((await runCanevas(['user', 'create', '--email', 'admin@exemple.fr', '--password-stdin'], { env, stdin: 'un mot de passe solide' })).code).toBe(0);
    expect((await runCanevas(['user', 'create', '--email', 'tuteur@exemple.fr', '--password-stdin'], { env, stdin: 'un mot de passe solide' })).code).toBe(0);
    const workspaceId = '-Wk4tQ9zL2mN8pR0';
    const documentId = '-Dc7uV3xY6aB1cE5fG9hJk';
    const store = new SqliteDocumentStore({ file: join(dataDir, 'canevas.sqlite') });
    try {
      const accounts = new SqliteAccountStore(store.database);
      const owner = (await accounts.findUserByEmail('admin@exemple.fr'))!;
      await accounts.createWorkspace({ id: workspaceId, name: 'Espace ancien', ownerId: owner.id, createdAt: 1 });
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Texte d’un document ancien')]);
      doc.getXmlFragment('default').insert(0, [paragraph]);
      await store.createDocument({ id: documentId, title: 'Document ancien', workspaceId, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(doc) });
    } finally {
      await store.close();
    }

    const member = await runCanevas(['member', 'add', '--workspace', workspaceId, '--email', 'tuteur@exemple.fr', '--role', 'tutor'], { env });
    expect([member.code, member.stderr]).toEqual([0, 'tuteur@exemple.fr : tutor.\n']);

    const out = (name: string) => join(dataDir!, name);
    const runs = {
      'as printed': ['doc', 'export', documentId, '--format', 'md', '--out', out('a.md')],
      'its workspace': ['doc', 'export', '--workspace', workspaceId, '--format', 'md', '--out', out('c.md')],
    };
    for (const [form, args] of Object.entries(runs)) {
      const result = await runCanevas(args, { env });
      expect([form, result.code, result.stderr.includes('Usage')]).toEqual([form, 0, false]);
      expect(await readFile(args[args.indexOf('--out') + 1]!, 'utf8')).toContain('Texte d’un document ancien');
    }
  });
});

describe('RGPD from the command line: user export and user delete', () => {
  it('exports a tutor’s data while the server runs, refuses to erase them until it stops, then anonymises their comments', async () => {
    dataDir = await newDataDir();
    const env = { DATA_DIR: dataDir };
    server = await spawnServer(dataDir);
    const admin = newTrpcClient(server.url);
    const { id } = await admin.documents.create.mutate({ title: 'Dossier de validation', referentialId: 'anpe', templateId: 'dossier-validation' });

    // The administrator adds the tutor with the CLI, next to the running server.
    const email = 'ines.tutrice@exemple.fr';
    expect((await runCanevas(['user', 'create', '--email', email, '--name', 'Inès', '--password-stdin'], { env, stdin: 'mot de passe d’Inès' })).code).toBe(0);
    expect((await runCanevas(['member', 'add', '--workspace', server.admin.workspaceId, '--email', email, '--role', 'tutor'], { env })).code).toBe(0);
    const tokenRun = await runCanevas(['token', 'create', '--email', email], { env });
    const token = tokenRun.stdout.trim();
    const tutorApi = newTrpcClient(server.url, { token });
    const content = newClient(server.syncUrl, id, { token });
    clients.push(content);
    await content.synced;
    const before = content.doc.getXmlFragment('default').toString();
    await tutorApi.comments.create.mutate({ documentId: id, anchor: createAnchor(content.doc, 2, 8), body: 'Développez cette situation.' });

    const out = join(dataDir, 'export-ines.json');
    const exported = await runCanevas(['user', 'export', '--email', email, '--out', out], { env });
    expect([exported.code, exported.stderr]).toEqual([0, expect.stringContaining(`Données de ${email} exportées dans ${out}`)]);
    expect((await stat(out)).mode & 0o077).toBe(0);
    const data = JSON.parse(await readFile(out, 'utf8')) as {
      account: { email: string; name: string };
      workspaces: { id: string; role: string }[];
      comments: { documentId: string; body: string }[];
      activity: { action: string; documentId?: string | null }[];
    };
    expect(data.account).toMatchObject({ email, name: 'Inès' });
    expect(data.workspaces).toEqual([{ id: server.admin.workspaceId, name: 'Espace des tests', role: 'tutor' }]);
    expect(data.comments).toMatchObject([{ documentId: id, documentTitle: 'Dossier de validation', body: 'Développez cette situation.' }]);
    expect(data.activity).toContainEqual(expect.objectContaining({ action: 'document.open', documentId: id }));
    const unknown = await runCanevas(['user', 'export', '--email', 'personne@exemple.fr'], { env });
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('Aucun compte pour personne@exemple.fr')]);

    // While the server owns the data folder, erasure is refused and nothing changes.
    const refused = await runCanevas(['user', 'delete', '--email', email, '--yes'], { env });
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('arrêtez-le avant de supprimer un compte')]);
    expect((await tutorApi.auth.status.query()).user).toMatchObject({ email });
    expect((await tutorApi.privacy.exportUser.query()).comments.map((comment) => comment.body)).toEqual(['Développez cette situation.']);

    for (const client of clients.splice(0)) client.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // Without a terminal to ask, only --yes confirms.
    const unconfirmed = await runCanevas(['user', 'delete', '--email', email], { env });
    expect([unconfirmed.code, unconfirmed.stderr]).toEqual([2, expect.stringContaining('relancez avec --yes')]);
    const nobody = await runCanevas(['user', 'delete', '--email', 'personne@exemple.fr', '--yes'], { env });
    expect([nobody.code, nobody.stderr]).toEqual([1, expect.stringContaining('Aucun compte pour personne@exemple.fr')]);
    const deleted = await runCanevas(['user', 'delete', '--email', email, '--yes'], { env });
    expect([deleted.code, deleted.stderr]).toEqual([0, expect.stringContaining('1 document(s)')]);

    const store = new SqliteDocumentStore({ file: join(dataDir, 'canevas.sqlite') });
    try {
      const accounts = new SqliteAccountStore(store.database);
      expect(await accounts.findUserByEmail(email)).toBeUndefined();
      const [thread] = readThreads(await storedDoc(store, reviewRoomOf(id)));
      expect(thread!.comments).toMatchObject([{ body: 'Développez cette situation.', authorName: 'Compte supprimé', authorId: '' }]);
      expect((await storedDoc(store, id)).getXmlFragment('default').toString()).toBe(before);
      // The access log keeps that someone opened the dossier, no longer who.
      const opened = (await accounts.listAudit({ documentId: id, limit: 100 })).filter((entry) => entry.action === 'document.open');
      expect(opened.some((entry) => entry.userId === null)).toBe(true);
    } finally {
      await store.close();
    }
    expect(await readFile(join(dataDir, 'canevas.lock'), 'utf8').catch(() => 'released')).toBe('released');
  }, 300_000);
});

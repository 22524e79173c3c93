import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SqliteAccountStore, SqliteDocumentStore } from '@canevas/sync-server';
import { afterEach, describe, expect, it } from 'vitest';
import { newDataDir, runCanevas } from '../helpers/index.js';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

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

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores } from '../store/openStores.js';
import type { CommandIO } from './Command.js';
import { userDelete } from './userPrivacy.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A data folder with an administrator and Inès (ines@exemple.fr). */
async function dataDirWithTwoAccounts(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'canevas-privacy-'));
  const stores = await openStores({ role: 'command', dataDir: dir });
  try {
    // No passwords: two scrypt hashes are seconds of CPU on a loaded machine, and erasure needs none.
    const { accounts } = stores;
    await accounts.createUser({ id: 'admin', email: 'admin@exemple.fr', name: 'Admin', passwordHash: null, isAdmin: true, createdAt: 1 });
    await accounts.createUser({ id: 'ines', email: 'ines@exemple.fr', name: 'Inès', passwordHash: null, isAdmin: false, createdAt: 1 });
  } finally {
    await stores.close();
  }
  return dir;
}

/** What a person types at the terminal. */
function terminal(answer: string): NodeJS.ReadableStream {
  return Object.assign(Readable.from([`${answer}\n`]), { isTTY: true });
}

async function accountExists(dataDir: string, email: string): Promise<boolean> {
  const stores = await openStores({ role: 'command', dataDir, mustExist: true });
  try {
    return (await stores.accounts.findUserByEmail(email)) !== undefined;
  } finally {
    await stores.close();
  }
}

describe('user delete on a terminal', () => {
  it('asks first: anything but « oui » keeps the account, « oui » erases it', async () => {
    const dataDir = await dataDirWithTwoAccounts();
    let stderr = '';
    const io = (answer: string): CommandIO => ({ stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, stdin: terminal(answer) });

    expect(await userDelete(['--email', 'ines@exemple.fr', '--data', dataDir], io('non'))).toBe(1);
    expect(stderr).toContain('Supprimer définitivement le compte ines@exemple.fr (Inès) ?');
    expect(stderr).toContain('Suppression annulée : rien n’a changé.');
    expect(await accountExists(dataDir, 'ines@exemple.fr')).toBe(true);

    expect(await userDelete(['--email', 'ines@exemple.fr', '--data', dataDir], io('oui'))).toBe(0);
    expect(stderr).toContain('Compte ines@exemple.fr supprimé');
    expect(await accountExists(dataDir, 'ines@exemple.fr')).toBe(false);
    expect(await accountExists(dataDir, 'admin@exemple.fr')).toBe(true);
  }, 30_000);
});

describe('user delete beside a server', () => {
  it('refuses while a live process holds the data folder, asks nothing and changes nothing', async () => {
    const dataDir = await dataDirWithTwoAccounts();
    // The lock a running server leaves: a live process that is not this one.
    await writeFile(join(dataDir, 'canevas.lock'), `${process.ppid}\n`);
    let stderr = '';
    const io: CommandIO = { stdout: () => undefined, stderr: (text) => (stderr += text), env: {}, stdin: terminal('oui') };
    expect(await userDelete(['--email', 'ines@exemple.fr', '--data', dataDir, '--yes'], io)).toBe(1);
    expect(stderr).toBe(`Un serveur Canevas (pid ${process.ppid}) utilise ${dataDir} : arrêtez-le avant de supprimer un compte.\n`);
    expect(await accountExists(dataDir, 'ines@exemple.fr')).toBe(true);
  }, 30_000);
});

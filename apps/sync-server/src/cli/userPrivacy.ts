import { rename, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { ReadStream } from 'node:tty';
import { PrivacyError, PrivacyService, type UserExport } from '../accounts/PrivacyService.js';
import { SqliteAccountStore } from '../accounts/SqliteAccountStore.js';
import { silentLogger } from '../logger.js';
import type { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { InProcessFanOut } from '../sync/InProcessFanOut.js';
import { SyncEngine } from '../sync/SyncEngine.js';
import { UsageError, type CommandIO } from './Command.js';
import { lockDataDir, runningServerPid } from './dataDirLock.js';
import { dataDirOf, openDataStore } from './openDataStore.js';
import { parseOptions, required } from './parseOptions.js';

/** Lines of `user --help` about the two RGPD subcommands. */
export const USER_PRIVACY_SYNOPSIS = [
  '        pnpm canevas user export --email <e> [--out <fichier>] [--data <dossier>]',
  '        pnpm canevas user delete --email <e> [--yes] [--data <dossier>]',
];
export const USER_PRIVACY_HELP = [
  'export : tout ce que l’instance conserve sur ce compte (RGPD, droit d’accès), en JSON, sur la sortie standard',
  'ou dans --out (fichier lisible par son seul propriétaire). Fonctionne aussi serveur démarré.',
  'delete : efface le compte (RGPD, droit à l’effacement). Ses commentaires, évaluations et liens restent, signés',
  '« Compte supprimé » ; les documents ne changent pas ; le journal d’accès est gardé, sans son nom. Le serveur',
  'doit être arrêté. Demande confirmation ; --yes la donne d’avance (obligatoire sans terminal).',
];

/** The service the API uses, over the CLI's own engine (never next to a running server's, see below). */
function privacyOver(store: SqliteDocumentStore, accounts: SqliteAccountStore) {
  const engine = new SyncEngine({ store, fanOut: new InProcessFanOut(), logger: silentLogger });
  return { engine, privacy: new PrivacyService({ accounts, store, engine, database: store.database }) };
}

/**
 * `user export` reads while a server may run: SQLite WAL lets a reader see one committed snapshot
 * (the read transaction below) without blocking the server. The engine only reads review docs:
 * their read-only changes produce no update, so it never flushes, and it is never shut down,
 * because shutting down would compact, and two processes compacting one log could lose rows.
 */
export async function userExport(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  const out = values.out === undefined ? undefined : resolve(values.out);
  const store = openDataStore(dataDirOf(values.data, io.env), { create: false });
  try {
    const accounts = new SqliteAccountStore(store.database);
    const { privacy } = privacyOver(store, accounts);
    let exported: UserExport | undefined;
    store.database.exec('BEGIN');
    try {
      const user = await accounts.findUserByEmail(email);
      if (user) exported = await privacy.exportUser(user.id);
    } finally {
      store.database.exec('COMMIT');
    }
    if (!exported) {
      io.stderr(`Aucun compte pour ${email}.\n`);
      return 1;
    }
    const json = `${JSON.stringify(exported, null, 2)}\n`;
    if (out === undefined) io.stdout(json);
    else await writePrivately(out, json);
    await accounts.audit({ at: Date.now(), userId: null, action: 'user.exported', detail: { user: exported.account.id, via: 'cli' } });
    io.stderr(
      `Données de ${exported.account.email} exportées${out === undefined ? '' : ` dans ${out}`} : ${exported.workspaces.length} espace(s), ` +
        `${exported.comments.length} commentaire(s), ${exported.activity.length} entrée(s) du journal.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `user delete` rewrites review docs, which a running server holds in memory and would later
 * compact over: so it refuses while a server runs, and holds the data folder's lock meanwhile
 * so that no server starts during the erasure.
 */
export async function userDelete(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, yes: { type: 'boolean' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  const dataDir = dataDirOf(values.data, io.env);
  const pid = runningServerPid(dataDir);
  if (pid !== undefined) {
    io.stderr(`Un serveur Canevas (pid ${pid}) utilise ${dataDir} : arrêtez-le avant de supprimer un compte.\n`);
    return 1;
  }
  const store = openDataStore(dataDir, { create: false });
  let unlock: (() => void) | undefined;
  try {
    try {
      unlock = lockDataDir(dataDir);
    } catch (error) {
      // A server started between the check and the lock.
      io.stderr(`${(error as Error).message} Arrêtez-le avant de supprimer un compte.\n`);
      return 1;
    }
    const accounts = new SqliteAccountStore(store.database);
    const user = await accounts.findUserByEmail(email);
    if (!user) {
      io.stderr(`Aucun compte pour ${email}.\n`);
      return 1;
    }
    if (!values.yes && !(await confirmed(io, `Supprimer définitivement le compte ${user.email} (${user.name}) ? Tapez « oui » pour confirmer : `))) {
      io.stderr('Suppression annulée : rien n’a changé.\n');
      return 1;
    }
    const { engine, privacy } = privacyOver(store, accounts);
    try {
      const { documents } = await privacy.deleteUser(user.id);
      io.stderr(`Compte ${user.email} supprimé ; ses contributions à ${documents} document(s) sont signées « Compte supprimé ».\n`);
      return 0;
    } catch (error) {
      if (error instanceof PrivacyError) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      // Writes the anonymised review docs' last updates and compacts them, as a server stop does.
      await engine.shutdown();
    }
  } finally {
    unlock?.();
    await store.close();
  }
}

/** Asks on the terminal; without one, refuses (a script must say --yes). */
async function confirmed(io: CommandIO, question: string): Promise<boolean> {
  const stdin = io.stdin ?? process.stdin;
  if (!(stdin as Partial<ReadStream>).isTTY) {
    throw new UsageError('Pas de terminal pour demander confirmation : relancez avec --yes pour supprimer ce compte.');
  }
  io.stderr(question);
  const lines = createInterface({ input: stdin, terminal: false });
  try {
    for await (const line of lines) return /^\s*(oui|o|yes|y)\s*$/i.test(line);
    return false;
  } finally {
    lines.close();
  }
}

/** Personal data: readable by its owner only, and never a half-written file. */
async function writePrivately(file: string, text: string): Promise<void> {
  const partial = `${file}.partiel`;
  try {
    await writeFile(partial, text, { mode: 0o600 });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UsageError(`Impossible d’écrire ${file} : ${(error as Error).message}`);
  }
}

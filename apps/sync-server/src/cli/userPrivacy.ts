import { rename, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { ReadStream } from 'node:tty';
import { PrivacyError, PrivacyService, type UserExport } from '../accounts/PrivacyService.js';
import { StoredRoomChanges } from '../review/StoredRoomChanges.js';
import { DatabaseInUseError, DataFolderBusyError, type Stores } from '../store/Stores.js';
import { UsageError, type CommandIO } from './Command.js';
import { dataDirOf, openCommandStores } from './openCommandStores.js';
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

/** The service the API uses, writing review docs straight to the store (no server holds them). */
function privacyOver(stores: Stores): PrivacyService {
  return new PrivacyService({ stores, rooms: new StoredRoomChanges(stores.documents) });
}

/**
 * `user export` reads while a server may run: it only reads review docs, and a change that writes
 * nothing stores nothing (see StoredRoomChanges), so it never competes with the server's writes
 * or folds. Each read sees committed data; the export is as of the moment each part is read.
 */
export async function userExport(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  const out = values.out === undefined ? undefined : resolve(values.out);
  const stores = await openCommandStores(values.data, io, { mustExist: true });
  try {
    const { accounts } = stores;
    const user = await accounts.findUserByEmail(email);
    const exported: UserExport | undefined = user && (await privacyOver(stores).exportUser(user.id));
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
    await stores.close();
  }
}

/**
 * `user delete` rewrites review docs, which a running server holds in memory and would later
 * fold over: so it opens the stores `exclusive`, which refuses while a server runs and keeps
 * one from starting during the erasure.
 */
export async function userDelete(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, yes: { type: 'boolean' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  const dataDir = dataDirOf(values.data, io.env);
  let stores: Stores;
  try {
    stores = await openCommandStores(values.data, io, { role: 'exclusive', mustExist: true });
  } catch (error) {
    if (error instanceof DatabaseInUseError && error.by === 'server') {
      io.stderr(`Un serveur Canevas utilise la base ${error.location} : arrêtez-le avant de supprimer un compte.\n`);
      return 1;
    }
    if (!(error instanceof DataFolderBusyError)) throw error;
    io.stderr(`Un serveur Canevas (pid ${error.pid}) utilise ${dataDir} : arrêtez-le avant de supprimer un compte.\n`);
    return 1;
  }
  try {
    const { accounts } = stores;
    const user = await accounts.findUserByEmail(email);
    if (!user) {
      io.stderr(`Aucun compte pour ${email}.\n`);
      return 1;
    }
    if (!values.yes && !(await confirmed(io, `Supprimer définitivement le compte ${user.email} (${user.name}) ? Tapez « oui » pour confirmer : `))) {
      io.stderr('Suppression annulée : rien n’a changé.\n');
      return 1;
    }
    try {
      const { documents } = await privacyOver(stores).deleteUser(user.id);
      io.stderr(`Compte ${user.email} supprimé ; ses contributions à ${documents} document(s) sont signées « Compte supprimé ».\n`);
      return 0;
    } catch (error) {
      if (error instanceof PrivacyError) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await stores.close();
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

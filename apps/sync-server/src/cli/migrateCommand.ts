import { openStores } from '../store/openStores.js';
import { StoresUnavailableError, type Stores } from '../store/Stores.js';
import { UsageError, type Command } from './Command.js';
import { copyStores, ForeignTargetError, type CopyReport } from './copyStores.js';
import { dataDirOf } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas migrate --from <dossier de données> [--to <postgres://…>]',
  '',
  'Copie une instance intégrée (SQLite dans le dossier --from) dans PostgreSQL (--to, sinon DATABASE_URL) :',
  'comptes (avec leurs mots de passe), espaces, adhésions, documents et leur état Yjs, relectures,',
  'quarantaines, dépôts, journal d’audit. Les sessions ne sont pas copiées : chacun se reconnecte.',
  'Vérifie la copie (les mêmes nombres, le même état Yjs pour chaque document).',
  'Arrêtez le serveur avant : la commande refuse un dossier en service. Relancez-la après une',
  'interruption : elle reprend sans rien dupliquer. Elle refuse une base qui contient une autre instance.',
].join('\n');

export const migrateCommand: Command = {
  name: 'migrate',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { from: { type: 'string' }, to: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
    const dataDir = dataDirOf(required(values.from, 'from'), io.env);
    const databaseUrl = (values.to ?? io.env.DATABASE_URL)?.trim();
    if (!databaseUrl) throw new UsageError('L’option --to est obligatoire (ou DATABASE_URL) : l’adresse postgres:// de la base cible.');
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--to doit être une adresse postgres://utilisateur:motdepasse@hôte:port/base.');

    let source: Stores | undefined;
    let target: Stores | undefined;
    try {
      // `exclusive`: the copy must see everything and nothing may change while it is verified, so
      // no server may hold the folder (it keeps edits in its update log), nor start meanwhile.
      source = await openStores({ role: 'exclusive', dataDir, mustExist: true });
      // `exclusive` too: refused while a server uses that database, and none starts on a half copy.
      target = await openStores({ role: 'exclusive', dataDir, databaseUrl });
      io.stderr(`Copie de ${source.location} vers ${target.location}…\n`);
      const report = await copyStores(source, target, { progress: (line) => io.stderr(`${line}\n`) });
      io.stdout(formatReport(report));
      return report.mismatches.length === 0 ? 0 : 1;
    } catch (error) {
      if (error instanceof StoresUnavailableError || error instanceof ForeignTargetError) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await target?.close();
      await source?.close();
    }
  },
};

/** « 12 documents copiés, 12 vérifiés », one line per kind, then warnings and differences. */
export function formatReport(report: CopyReport): string {
  const lines = report.kinds.map((kind) => {
    const e = kind.feminine ? 'e' : '';
    const parts = [`${kind.copied} ${kind.label} copié${e}s`];
    if (kind.present > 0) parts.push(`${kind.present} déjà présent${e}s`);
    parts.push(`${kind.verified} vérifié${e}s sur ${kind.source}`);
    return parts.join(', ');
  });
  lines.push(...report.warnings);
  if (report.mismatches.length === 0) lines.push('Copie vérifiée : la base PostgreSQL contient la même instance.');
  else lines.push('Différences trouvées, relancez la commande :', ...report.mismatches.map((mismatch) => `  ${mismatch}`));
  return `${lines.join('\n')}\n`;
}

import type { DocumentMetadata, QuarantineRecord } from '../store/DocumentStore.js';
import { databaseUrlOption, openStores } from '../store/openStores.js';
import { MissingDatabaseError, type Stores } from '../store/Stores.js';
import { dataDirOf } from './openCommandStores.js';
import { UsageError, type Command, type CommandIO } from './Command.js';
import { DOC_EXPORT_USAGE, docExport } from './docExport.js';
import { parseOptions } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas doc list [--data <dossier>] [--json]',
  '',
  '  list   liste les documents, le plus récemment modifié en premier',
  '         (identifiant, titre, référentiel, dernière modification) ;',
  '         un document dont les données stockées sont illisibles est marqué « en quarantaine »',
  '',
  DOC_EXPORT_USAGE,
  '',
  'Le dossier de données vient de --data, sinon de DATA_DIR, sinon ./data.',
  'Les commandes lisent la base pendant que le serveur tourne (SQLite en mode WAL).',
].join('\n');

export const docCommand: Command = {
  name: 'doc',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'export') return docExport(rest, io);
    throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
  },
};

async function list(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { data: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
  const dataDir = dataDirOf(values.data, io.env);
  let stores: Stores;
  try {
    stores = await openStores({ role: 'command', dataDir, mustExist: true, ...databaseUrlOption(io.env) });
  } catch (error) {
    if (!(error instanceof MissingDatabaseError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const store = stores.documents;
  try {
    const documents = await store.listDocuments();
    const quarantine = new Map((await store.listQuarantined()).map((record) => [record.docId, record]));
    if (values.json) {
      io.stdout(`${JSON.stringify(documents.map((document) => toJson(document, quarantine.get(document.id))), null, 2)}\n`);
    } else if (documents.length === 0) {
      io.stdout(`Aucun document dans ${dataDir}.\n`);
    } else {
      io.stdout(formatTable(documents, quarantine));
    }
    return 0;
  } finally {
    await stores.close();
  }
}

function toJson(document: DocumentMetadata, quarantine: QuarantineRecord | undefined) {
  return {
    id: document.id,
    title: document.title,
    referentialId: document.referentialId,
    templateId: document.templateId,
    workspaceId: document.workspaceId,
    createdAt: new Date(document.createdAt).toISOString(),
    updatedAt: new Date(document.updatedAt).toISOString(),
    quarantined: quarantine !== undefined,
    quarantine: quarantine
      ? { room: quarantine.room, reason: quarantine.reason, since: new Date(quarantine.quarantinedAt).toISOString() }
      : null,
  };
}

const QUARANTINE_MARK = '[EN QUARANTAINE]';

function formatTable(documents: readonly DocumentMetadata[], quarantine: ReadonlyMap<string, QuarantineRecord>): string {
  const rows = [
    ['IDENTIFIANT', 'MODIFIÉ LE', 'RÉFÉRENTIEL', 'TITRE'],
    ...documents.map((document) => [
      document.id,
      new Date(document.updatedAt).toISOString().slice(0, 16).replace('T', ' '),
      document.referentialId ?? '—',
      quarantine.has(document.id) ? `${QUARANTINE_MARK} ${document.title}` : document.title,
    ]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const table = `${rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  ')).join('\n')}\n`;
  const quarantined = documents.filter((document) => quarantine.has(document.id));
  if (quarantined.length === 0) return table;
  const notes = quarantined.map((document) => `  ${document.id} : ${quarantine.get(document.id)!.reason}`);
  return [
    table,
    `${QUARANTINE_MARK} données stockées illisibles : le document ne s’ouvre plus, ses données sont conservées telles quelles.`,
    'Restaurez une sauvegarde (pnpm canevas restore) ; voir docs/security.md.',
    ...notes,
    '',
  ].join('\n');
}

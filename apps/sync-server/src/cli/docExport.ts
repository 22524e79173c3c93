import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ExportError } from '../export/ExportError.js';
import { exportDocument, type ExportedFile } from '../export/exportDocument.js';
import { exportDossier, type DossierSelection } from '../export/exportDossier.js';
import { EXPORT_FORMATS, isExportFormat, unknownFormatMessage } from '../export/exportFormats.js';
import { storeExportSource } from '../export/ExportSource.js';
import { RenderPool } from '../export/RenderPool.js';
import { silentLogger } from '../logger.js';
import { loadReferentials } from '../plugins/loadReferentials.js';
import { UsageError, type CommandIO } from './Command.js';
import { openCommandStores } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';
import { exportLimitsOf } from './serveConfig.js';

export const DOC_EXPORT_USAGE = [
  'Usage : pnpm canevas doc export <id> --format docx|pdf|md --out <fichier> [--evidence]',
  '        pnpm canevas doc export --all|--workspace <id>|<id> <id>… --format docx|pdf|md --out <fichier> [--title <titre>]',
  '',
  '  export   un document en Word, PDF ou Markdown ; avec --evidence, l’annexe des passages liés aux critères.',
  '           Avec --all, --workspace ou plusieurs identifiants : le dossier, un seul fichier avec un chapitre',
  '           par document et l’annexe de complétude (progression sur la sortie d’erreur).',
  '           Options communes : --data <dossier>, --plugins <dossier> (manifestes JSON, sinon PLUGINS_DIR).',
  '           Code de sortie 2 : format inconnu, document introuvable, fichier de sortie impossible à écrire.',
].join('\n');

/** `doc export`: reads the database directly, so it works whether or not the server runs. */
export async function docExport(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    data: { type: 'string' },
    plugins: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    evidence: { type: 'boolean' },
    all: { type: 'boolean' },
    workspace: { type: 'string' },
    title: { type: 'string' },
  });
  const format = required(values.format, 'format');
  if (!isExportFormat(format)) throw new UsageError(unknownFormatMessage(format));
  const out = resolve(required(values.out, 'out'));
  const selection = selectionOf(positionals, values.all === true, values.workspace);
  await checkWritable(out);

  const stores = await openCommandStores(values.data, io, { mustExist: true });
  // Laid out under the server's limits (EXPORT_MEMORY_MB, EXPORT_TIMEOUT): a document too large
  // fails with the same French message instead of exhausting this process.
  const { memoryMb, timeoutMs } = exportLimitsOf(io.env);
  const pool = new RenderPool({ size: 1, memoryMb, timeoutMs });
  try {
    // Criteria labels and the completeness annex need the referentials, a single document does not.
    const needsReferentials = selection !== undefined || values.evidence === true;
    const pluginsDir = values.plugins ?? io.env.PLUGINS_DIR;
    const referentials = needsReferentials
      ? (await loadReferentials({ manifestsDir: pluginsDir || undefined, logger: silentLogger })).registry
      : undefined;
    const context = { source: storeExportSource(stores.documents), referentials, render: pool.render.bind(pool) };
    const started = performance.now();
    let file: ExportedFile;
    try {
      file =
        selection === undefined
          ? await exportDocument(context, positionals[0]!, { format, evidence: values.evidence === true })
          : await exportDossier(context, selection, {
              format,
              evidence: values.evidence === true,
              ...(values.title !== undefined && { title: values.title }),
              onProgress: ({ completed, total, message }) => io.stderr(`[${completed}/${total}] ${message}\n`),
            });
    } catch (error) {
      if (error instanceof ExportError) throw new UsageError(error.message);
      throw error;
    }
    await writeAtomically(out, file.bytes);
    const seconds = ((performance.now() - started) / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    io.stdout(`Fichier ${EXPORT_FORMATS[format].label} écrit : ${out} (${formatSize(file.bytes.byteLength)}, ${seconds} s)\n`);
    return 0;
  } finally {
    await pool.close();
    await stores.close();
  }
}

function selectionOf(ids: string[], all: boolean, workspaceId: string | undefined): DossierSelection | undefined {
  const modes = [all, workspaceId !== undefined, ids.length > 0].filter(Boolean).length;
  if (modes === 0) throw new UsageError('Indiquez l’identifiant du document, plusieurs identifiants, --all ou --workspace <id>.');
  if (modes > 1) throw new UsageError('Choisissez soit des identifiants, soit --all, soit --workspace.');
  if (all) return { kind: 'all' };
  if (workspaceId !== undefined) return { kind: 'workspace', workspaceId };
  return ids.length > 1 ? { kind: 'documents', ids } : undefined;
}

/** Checked before the export, which can be long: a typo in --out fails at once. */
async function checkWritable(out: string): Promise<void> {
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--out désigne un dossier : ${out}. Indiquez un nom de fichier.`);
  try {
    await access(dirname(out), constants.W_OK);
  } catch {
    throw new UsageError(`Impossible d’écrire ${basename(out)} : le dossier ${dirname(out)} n’existe pas ou n’est pas accessible en écriture.`);
  }
  if (existing) {
    try {
      await access(out, constants.W_OK);
    } catch {
      throw new UsageError(`Impossible d’écrire ${out} : le fichier existe et n’est pas modifiable.`);
    }
  }
}

/** Written beside the target then renamed: a failed export never leaves a half-written file. */
async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const partial = `${out}.partiel-${process.pid}`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UsageError(`Impossible d’écrire ${out} : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  const kib = bytes / 1024;
  if (kib < 1024) return `${kib.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Kio`;
  return `${(kib / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mio`;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '../documentId.js';
import type { Logger } from '../logger.js';
import { authorizeExport, type ExportAuthorizer } from './exportAccess.js';
import { exportDocument, type ExportContext, type ExportedFile } from './exportDocument.js';
import { exportDossier, type DossierSelection } from './exportDossier.js';
import { ExportError } from './ExportError.js';
import { isExportFormat, unknownFormatMessage, type ExportFormat } from './exportFormats.js';
import { ExportJobs } from './ExportJobs.js';
import { RenderWorker } from './RenderWorker.js';
import { contentDisposition } from './fileName.js';

export interface ExportHttpOptions extends ExportContext {
  logger: Logger;
  authorize?: ExportAuthorizer;
  jobs?: ExportJobs;
}

export interface ExportHttpHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Drops finished files and stops the render worker. */
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

const idSchema = z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });

const jobInput = z.object({
  format: z.string({ error: 'Le format est obligatoire.' }),
  documentIds: z.array(idSchema).max(500, { error: 'Au plus 500 documents par dossier.' }).optional(),
  workspaceId: idSchema.optional(),
  evidence: z.boolean().optional(),
  title: z.string().max(200, { error: 'Le titre ne doit pas dépasser 200 caractères.' }).optional(),
});

/**
 * Downloads, under `/export/`:
 * - `GET /export/documents/<id>?format=docx|pdf|md[&evidence=1]`: one document;
 * - `GET /export/dossier?format=…[&workspace=<id>][&ids=<id>,<id>][&evidence=1]`: the dossier at once (scripts);
 * - `POST /export/jobs` `{ format, documentIds?, workspaceId?, evidence?, title? }` → 202 `{ id }`,
 *   then `GET /export/jobs/<id>` (progress) and `GET /export/jobs/<id>/file`: the dossier with progress (web app).
 */
export function createExportHandler(options: ExportHttpOptions): ExportHttpHandler {
  const authorize = options.authorize ?? authorizeExport;
  const jobs = options.jobs ?? new ExportJobs();
  const worker = options.render ? undefined : new RenderWorker();
  const context: ExportContext = { ...options, render: options.render ?? ((book, format) => worker!.render(book, format)) };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1);
    const method = req.method ?? 'GET';
    const [first, second, third] = parts;

    if (first === 'documents' && second !== undefined && parts.length === 2) {
      requireMethod(method, ['GET', 'HEAD']);
      if (!DOCUMENT_ID_PATTERN.test(second)) throw new ExportError('NOT_FOUND', 'Document introuvable.');
      const format = formatOf(url.searchParams.get('format'));
      await authorize(req, { kind: 'document', documentId: second });
      const file = await exportDocument(context, second, { format, evidence: flag(url, 'evidence') });
      return sendFile(res, file, method === 'HEAD');
    }
    if (first === 'dossier' && parts.length === 1) {
      requireMethod(method, ['GET', 'HEAD']);
      const format = formatOf(url.searchParams.get('format'));
      const selection = selectionOf(url.searchParams.get('ids')?.split(',').filter(Boolean), url.searchParams.get('workspace') ?? undefined);
      await authorize(req, { kind: 'dossier', selection });
      const title = url.searchParams.get('title') ?? undefined;
      const file = await exportDossier(context, selection, { format, evidence: flag(url, 'evidence'), ...(title && { title }) });
      return sendFile(res, file, method === 'HEAD');
    }
    if (first === 'jobs' && parts.length === 1) {
      requireMethod(method, ['POST']);
      const input = parseJobInput(await readBody(req));
      const format = formatOf(input.format);
      const selection = selectionOf(input.documentIds, input.workspaceId);
      await authorize(req, { kind: 'dossier', selection });
      const id = jobs.start((onProgress) =>
        exportDossier(context, selection, {
          format,
          evidence: input.evidence === true,
          ...(input.title !== undefined && { title: input.title }),
          onProgress,
        }).catch((error: unknown) => {
          if (!(error instanceof ExportError)) options.logger.error('export.failed', { error });
          throw error;
        }),
      );
      return sendJson(res, 202, { id, status: `/export/jobs/${id}`, file: `/export/jobs/${id}/file` });
    }
    if (first === 'jobs' && second !== undefined && (parts.length === 2 || (parts.length === 3 && third === 'file'))) {
      requireMethod(method, ['GET', 'HEAD']);
      const status = jobs.status(second);
      if (!status) throw new ExportError('NOT_FOUND', 'Export introuvable ou expiré : relancez-le.');
      if (parts.length === 2) return sendJson(res, 200, status);
      const file = jobs.file(second);
      if (!file) {
        const message = status.state === 'failed' ? status.message : 'L’export n’est pas encore terminé.';
        return sendText(res, status.state === 'failed' ? 410 : 409, message);
      }
      return sendFile(res, file, method === 'HEAD');
    }
    throw new ExportError('NOT_FOUND', 'Introuvable');
  }

  const handler = ((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendText(res, 400, 'Adresse invalide.');
      return;
    }
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof MethodNotAllowed) {
        res.setHeader('allow', error.allowed.join(', '));
        sendText(res, 405, 'Méthode non autorisée.');
      } else if (error instanceof ExportError) {
        sendText(res, STATUS[error.code], error.message);
      } else {
        options.logger.error('export.failed', { path: url.pathname, error });
        sendText(res, 500, 'L’export a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.');
      }
    });
  }) as ExportHttpHandler;
  handler.close = async () => {
    jobs.close();
    await worker?.close();
  };
  return handler;
}

const STATUS: Record<ExportError['code'], number> = { NOT_FOUND: 404, BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, TOO_MANY: 429, CONFLICT: 409 };

class MethodNotAllowed extends Error {
  constructor(readonly allowed: string[]) {
    super('method not allowed');
  }
}

function requireMethod(method: string, allowed: string[]): void {
  if (!allowed.includes(method)) throw new MethodNotAllowed(allowed);
}

function formatOf(value: string | null): ExportFormat {
  if (value === null || value === '') throw new ExportError('BAD_REQUEST', 'Indiquez le format : docx, pdf ou md.');
  if (!isExportFormat(value)) throw new ExportError('BAD_REQUEST', unknownFormatMessage(value));
  return value;
}

function flag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  return value === '1' || value === 'true';
}

function selectionOf(ids: readonly string[] | undefined, workspaceId: string | undefined): DossierSelection {
  if (ids && ids.length > 0 && workspaceId !== undefined) {
    throw new ExportError('BAD_REQUEST', 'Choisissez soit des documents, soit un espace de travail.');
  }
  if (ids && ids.length > 0) {
    const invalid = ids.find((id) => !DOCUMENT_ID_PATTERN.test(id));
    if (invalid !== undefined) throw new ExportError('BAD_REQUEST', 'Identifiant de document invalide.');
    return { kind: 'documents', ids };
  }
  if (workspaceId !== undefined) {
    if (!DOCUMENT_ID_PATTERN.test(workspaceId)) throw new ExportError('BAD_REQUEST', 'Identifiant d’espace de travail invalide.');
    return { kind: 'workspace', workspaceId };
  }
  return { kind: 'all' };
}

function parseJobInput(body: string) {
  let json: unknown;
  try {
    json = body === '' ? {} : JSON.parse(body);
  } catch {
    throw new ExportError('BAD_REQUEST', 'Corps de requête invalide : JSON attendu.');
  }
  const parsed = jobInput.safeParse(json);
  if (!parsed.success) throw new ExportError('BAD_REQUEST', parsed.error.issues.map((issue) => issue.message).join(' ; '));
  return parsed.data;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY) throw new ExportError('BAD_REQUEST', 'Requête trop volumineuse.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendFile(res: ServerResponse, file: ExportedFile, headOnly: boolean): void {
  res.writeHead(200, {
    'content-type': file.mimeType,
    'content-length': file.bytes.byteLength,
    'content-disposition': contentDisposition(file.fileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(headOnly ? undefined : file.bytes);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

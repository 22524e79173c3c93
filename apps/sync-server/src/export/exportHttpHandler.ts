import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import type { Logger } from '../logger.js';
import { authorizeExport, type ExportAuthorizer, type ExportTarget } from './exportAccess.js';
import { exportDocument, type ExportContext, type ExportedFile } from './exportDocument.js';
import { exportDossier, type DossierSelection } from './exportDossier.js';
import { ExportError } from './ExportError.js';
import { isExportFormat, unknownFormatMessage, type ExportFormat } from './exportFormats.js';
import { ExportJobs } from './ExportJobs.js';
import { ExportSlots, type ReleaseSlot } from './ExportSlots.js';
import { RenderPool, type RenderLimits } from './RenderPool.js';
import { contentDisposition } from './fileName.js';

/** The limits every export shares; `createServer`'s `exportLimits`, documented in docs/security.md. */
export interface ExportLimits extends RenderLimits {
  /** Exports read and laid out at once, all routes together. Default 2. */
  maxRunning?: number;
  /** Exports waiting for one of those; more get 429 with `Retry-After`. Default 6. */
  maxQueued?: number;
  /** The render worker's module; tests substitute one that stalls. */
  workerScript?: URL;
}

export interface ExportHttpOptions extends ExportContext {
  logger: Logger;
  authorize?: ExportAuthorizer;
  jobs?: ExportJobs;
  limits?: ExportLimits;
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
 * Every call is authorized on what it reads, a job's status and file included. All of them share
 * one limit of exports in progress (`ExportSlots`), and files are laid out in workers with a
 * memory limit and a deadline (`RenderPool`).
 */
export function createExportHandler(options: ExportHttpOptions): ExportHttpHandler {
  const authorize = options.authorize ?? authorizeExport;
  const jobs = options.jobs ?? new ExportJobs();
  const limits = options.limits ?? {};
  const slots = new ExportSlots({
    ...(limits.maxRunning !== undefined && { maxRunning: limits.maxRunning }),
    ...(limits.maxQueued !== undefined && { maxQueued: limits.maxQueued }),
  });
  // As many workers as exports may run: a render never waits for a worker, only for a slot.
  const pool = options.render
    ? undefined
    : new RenderPool({
        size: slots.maxRunning,
        ...(limits.memoryMb !== undefined && { memoryMb: limits.memoryMb }),
        ...(limits.timeoutMs !== undefined && { timeoutMs: limits.timeoutMs }),
        ...(limits.workerScript !== undefined && { workerScript: limits.workerScript }),
      });
  const context: ExportContext = { ...options, render: options.render ?? ((book, format) => pool!.render(book, format)) };

  /** Runs `work` in a slot; refused at once with 429 when every slot is taken and the queue is full. */
  async function inSlot<T>(work: () => Promise<T>): Promise<T> {
    const release = await slots.enter();
    try {
      return await work();
    } finally {
      release();
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').filter(Boolean).slice(1);
    const method = req.method ?? 'GET';
    const [first, second, third] = parts;

    if (first === 'documents' && second !== undefined && parts.length === 2) {
      requireMethod(method, ['GET', 'HEAD']);
      if (!DOCUMENT_ID_PATTERN.test(second)) throw new ExportError('NOT_FOUND', 'Document introuvable.');
      const format = formatOf(url.searchParams.get('format'));
      await authorize(req, { kind: 'document', documentId: second });
      const file = await inSlot(() => exportDocument(context, second, { format, evidence: flag(url, 'evidence') }));
      return sendFile(res, file, method === 'HEAD');
    }
    if (first === 'dossier' && parts.length === 1) {
      requireMethod(method, ['GET', 'HEAD']);
      const format = formatOf(url.searchParams.get('format'));
      const selection = selectionOf(url.searchParams.get('ids')?.split(',').filter(Boolean), url.searchParams.get('workspace') ?? undefined);
      await authorize(req, { kind: 'dossier', selection });
      const title = url.searchParams.get('title') ?? undefined;
      const file = await inSlot(() => exportDossier(context, selection, { format, evidence: flag(url, 'evidence'), ...(title && { title }) }));
      return sendFile(res, file, method === 'HEAD');
    }
    if (first === 'jobs' && parts.length === 1) {
      requireMethod(method, ['POST']);
      const input = parseJobInput(await readBody(req));
      const format = formatOf(input.format);
      const selection = selectionOf(input.documentIds, input.workspaceId);
      const target: ExportTarget = { kind: 'dossier', selection };
      await authorize(req, target);
      const queued = slots.load().running >= slots.maxRunning;
      // Throws TOO_MANY now, before the job exists, when the queue is full.
      const admitted: Promise<ReleaseSlot> = slots.enter();
      const id = jobs.start(target, async (onProgress) => {
        if (queued) onProgress({ completed: 0, total: 1, message: 'En attente : d’autres exports sont en cours' });
        const release = await admitted;
        try {
          return await exportDossier(context, selection, {
            format,
            evidence: input.evidence === true,
            ...(input.title !== undefined && { title: input.title }),
            onProgress,
          });
        } catch (error) {
          logFailure(error, url.pathname);
          throw error;
        } finally {
          release();
        }
      });
      return sendJson(res, 202, { id, status: `/export/jobs/${id}`, file: `/export/jobs/${id}/file` });
    }
    if (first === 'jobs' && second !== undefined && (parts.length === 2 || (parts.length === 3 && third === 'file'))) {
      requireMethod(method, ['GET', 'HEAD']);
      const job = jobs.get(second);
      // The id is no credential: the caller needs what starting the job needed, on every call.
      // An unknown id still asks for a signed-in caller (reading nothing), so that 401 comes first.
      await authorize(req, job?.target ?? { kind: 'dossier', selection: { kind: 'documents', ids: [] } });
      if (!job) throw new ExportError('NOT_FOUND', 'Export introuvable ou expiré : relancez-le.');
      const { status } = job;
      if (parts.length === 2) return sendJson(res, 200, status);
      const file = job.file;
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
        logFailure(error, url.pathname);
        if (error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
        sendText(res, STATUS[error.code], error.message);
      } else {
        logFailure(error, url.pathname);
        sendText(res, 500, 'L’export a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.');
      }
    });
  }) as ExportHttpHandler;
  handler.close = async () => {
    jobs.close();
    await pool?.close();
  };

  /** A layout past its limits is the administrator's business too; refusals (404, 429…) are not logged. */
  function logFailure(error: unknown, path: string): void {
    if (!(error instanceof ExportError)) options.logger.error('export.failed', { path, error });
    else if (error.code === 'LIMIT') options.logger.warn('export.limit_exceeded', { path, message: error.message });
  }
  return handler;
}

/** A layout past its memory or time is refused for this document (422), not a server fault. */
const STATUS: Record<ExportError['code'], number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TOO_MANY: 429,
  CONFLICT: 409,
  LIMIT: 422,
};

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

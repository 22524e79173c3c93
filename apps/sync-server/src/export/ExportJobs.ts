import type { ExportedFile } from './exportDocument.js';
import type { DossierProgress } from './exportDossier.js';
import { ExportError } from './ExportError.js';
import { newId } from '../newId.js';

export type ExportJobStatus =
  | ({ state: 'running' } & DossierProgress)
  | ({ state: 'done'; fileName: string; size: number } & DossierProgress)
  | { state: 'failed'; message: string };

interface Job {
  status: ExportJobStatus;
  file?: ExportedFile;
  expiry?: NodeJS.Timeout;
}

export interface ExportJobsOptions {
  /** How long a finished file stays downloadable. Default 10 minutes. */
  keepMs?: number;
  /** Exports running at once; more are refused (the machine has few cores). Default 2. */
  maxRunning?: number;
  /** Finished files kept in memory at most; the oldest go first. Default 20. */
  maxKept?: number;
}

/**
 * Long exports (a dossier) run as jobs so the browser can show their progress: the page
 * starts one, polls its status, then downloads the file. Files live in memory for a few
 * minutes; job ids are random, so one caller cannot guess another's file.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly keepMs: number;
  private readonly maxRunning: number;
  private readonly maxKept: number;
  private running = 0;

  constructor(options: ExportJobsOptions = {}) {
    this.keepMs = options.keepMs ?? 10 * 60_000;
    this.maxRunning = options.maxRunning ?? 2;
    this.maxKept = options.maxKept ?? 20;
  }

  /** Starts `work`; throws `TOO_MANY` when the limit of running exports is reached. */
  start(work: (onProgress: (progress: DossierProgress) => void) => Promise<ExportedFile>): string {
    if (this.running >= this.maxRunning) {
      throw new ExportError('TOO_MANY', 'Trop d’exports sont en cours sur le serveur. Réessayez dans un instant.');
    }
    this.dropOldestFinished();
    const id = newId(16);
    const job: Job = { status: { state: 'running', completed: 0, total: 1, message: 'Préparation' } };
    this.jobs.set(id, job);
    this.running++;
    let last: DossierProgress = { completed: 0, total: 1, message: 'Préparation' };
    work((progress) => {
      last = progress;
      job.status = { state: 'running', ...progress };
    })
      .then(
        (file) => {
          job.file = file;
          job.status = { state: 'done', ...last, fileName: file.fileName, size: file.bytes.byteLength };
        },
        (error: unknown) => {
          job.status = { state: 'failed', message: error instanceof ExportError ? error.message : 'L’export a échoué. Réessayez ; si cela persiste, prévenez l’administrateur.' };
        },
      )
      .finally(() => {
        this.running--;
        job.expiry = setTimeout(() => this.jobs.delete(id), this.keepMs);
        job.expiry.unref();
      });
    return id;
  }

  status(id: string): ExportJobStatus | undefined {
    return this.jobs.get(id)?.status;
  }

  file(id: string): ExportedFile | undefined {
    return this.jobs.get(id)?.file;
  }

  /** Files stay in memory: past the cap, the oldest finished jobs are forgotten. */
  private dropOldestFinished(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size < this.maxKept) return;
      if (job.status.state === 'running') continue;
      if (job.expiry) clearTimeout(job.expiry);
      this.jobs.delete(id);
    }
  }

  close(): void {
    for (const job of this.jobs.values()) if (job.expiry) clearTimeout(job.expiry);
    this.jobs.clear();
  }
}

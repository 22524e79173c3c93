import { useCallback, useEffect, useRef, useState } from 'react';
import { dossierFileUrl, dossierStatus, fetchExport, startDossierExport, type DossierRequest } from './exportApi.js';
import { saveBlob } from './saveBlob.js';

export type DossierExportState =
  | { status: 'idle' }
  | { status: 'running'; completed: number; total: number; message: string }
  | { status: 'done'; fileName: string; url: string }
  | { status: 'error'; message: string };

const POLL_MS = 400;

/**
 * Runs « Exporter le dossier » as a server job: starts it, polls its progress, then downloads the
 * file. Closing the dialog stops the polling (the job ends on the server and is dropped later).
 */
export function useDossierExport(): [DossierExportState, (request: DossierRequest) => Promise<void>] {
  const [state, setState] = useState<DossierExportState>({ status: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(async (request: DossierRequest) => {
    setState({ status: 'running', completed: 0, total: request.documentIds.length + 1, message: 'Démarrage de l’export' });
    try {
      const jobId = await startDossierExport(request);
      for (;;) {
        if (!alive.current) return;
        const status = await dossierStatus(jobId);
        if (!alive.current) return;
        if (status.state === 'failed') throw new Error(status.message);
        setState({ status: 'running', completed: status.completed, total: status.total, message: status.message });
        if (status.state === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const url = dossierFileUrl(jobId);
      const file = await fetchExport(url, `dossier.${request.format}`);
      if (!alive.current) return;
      saveBlob(file.blob, file.fileName);
      setState({ status: 'done', fileName: file.fileName, url });
    } catch (error) {
      if (alive.current) setState({ status: 'error', message: (error as Error).message });
    }
  }, []);

  return [state, start];
}

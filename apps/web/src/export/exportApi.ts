import { UNREACHABLE_MESSAGE } from '../api/apiError.js';

export type ExportFormat = 'docx' | 'pdf' | 'md';

/** The formats offered, in the order shown; the server's `/export/` routes accept the same ids. */
export const EXPORT_FORMATS: readonly { value: ExportFormat; label: string; details: string }[] = [
  { value: 'docx', label: 'Word (.docx)', details: 'Modifiable, avec les styles de titres et les tableaux.' },
  { value: 'pdf', label: 'PDF', details: 'Prêt à imprimer ou à envoyer au jury.' },
  { value: 'md', label: 'Markdown (.md)', details: 'Texte brut structuré, pour d’autres outils.' },
];

export interface ExportedBlob {
  blob: Blob;
  fileName: string;
}

export function documentExportUrl(documentId: string, format: ExportFormat, evidence: boolean): string {
  const params = new URLSearchParams({ format });
  if (evidence) params.set('evidence', '1');
  return `/export/documents/${encodeURIComponent(documentId)}?${params}`;
}

/** Downloads an export; rejects with the server's French message when it refuses. */
export async function fetchExport(url: string, fallbackName: string): Promise<ExportedBlob> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error(UNREACHABLE_MESSAGE);
  }
  if (!response.ok) throw new Error(await refusalMessage(response));
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  return { blob: await response.blob(), fileName };
}

export interface DossierRequest {
  format: ExportFormat;
  documentIds: string[];
  evidence: boolean;
  title: string;
}

export type DossierStatus =
  | { state: 'running' | 'done'; completed: number; total: number; message: string }
  | { state: 'failed'; message: string };

export async function startDossierExport(request: DossierRequest): Promise<string> {
  const response = await send('/export/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return ((await response.json()) as { id: string }).id;
}

export async function dossierStatus(jobId: string): Promise<DossierStatus> {
  const response = await send(`/export/jobs/${encodeURIComponent(jobId)}`);
  return (await response.json()) as DossierStatus;
}

export function dossierFileUrl(jobId: string): string {
  return `/export/jobs/${encodeURIComponent(jobId)}/file`;
}

async function send(url: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new Error(UNREACHABLE_MESSAGE);
  }
  if (!response.ok) throw new Error(await refusalMessage(response));
  return response;
}

/** The server answers refusals in plain French text; a proxy's HTML page means it is unreachable. */
async function refusalMessage(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/plain')) return UNREACHABLE_MESSAGE;
  const text = (await response.text()).trim();
  return text === '' ? UNREACHABLE_MESSAGE : text;
}

/** The exact name from `filename*` (RFC 5987), else the ASCII `filename`. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // Malformed encoding: fall back to the ASCII name.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1];
}

/** The formats of `doc export --format` and of `/export/…?format=`. */
export const EXPORT_FORMATS = {
  docx: {
    label: 'Word (DOCX)',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { label: 'PDF', extension: 'pdf', mimeType: 'application/pdf' },
  md: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}

/** « Format inconnu : « odt ». Formats possibles : docx, pdf, md. » */
export function unknownFormatMessage(value: string): string {
  return `Format inconnu : « ${value} ». Formats possibles : ${EXPORT_FORMAT_IDS.join(', ')}.`;
}

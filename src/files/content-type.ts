/** What a file is, judged by its bytes, never by its name. */
export type FileKind = 'pdf' | 'docx' | 'pptx';

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', docx: 'Word (DOCX)', pptx: 'PowerPoint (PPTX)' };

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * PDF starts with "%PDF-". DOCX and PPTX are ZIP archives whose entries name word/ or ppt/ parts;
 * the entry names sit in plain text in the local headers, so finding "word/document.xml" or
 * "ppt/presentation.xml" in the archive tells the two apart without unpacking it.
 */
export function sniffKind(data: Buffer): FileKind | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    if (data.includes('word/document.xml', 0, 'latin1')) return 'docx';
    if (data.includes('ppt/presentation.xml', 0, 'latin1')) return 'pptx';
  }
  return null;
}

/** A name safe for a Content-Disposition header: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string, kind: FileKind): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return `${base || 'file'}.${kind}`;
}

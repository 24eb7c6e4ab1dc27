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

/**
 * The name a file is stored and downloaded under: the uploaded name in any script (NFC), without control
 * or direction-override characters, path separators or characters Windows forbids, with the extension of
 * what the file really is.
 */
export function safeFileName(name: string, kind: FileKind): string {
  const base = [
    ...name
      .normalize('NFC')
      .replace(/\.[^.]*$/, '')
      .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/gu, '')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.-]+|[\s.-]+$/g, ''),
  ]
    .slice(0, 100)
    .join('')
    .trim();
  return `${base || 'file'}.${kind}`;
}

/** The same name in letters, digits, dot, dash and underscore: the fallback for clients without filename*. */
export function asciiFileName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  const base = name
    .slice(0, name.length - extension.length)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return `${base || 'file'}${extension}`;
}

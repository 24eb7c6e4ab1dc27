import { inflateSync } from 'node:zlib';
import yauzl from 'yauzl';

export const ZIP_LIMITS = {
  entries: 2_000,
  totalUncompressedBytes: 100 * 1024 * 1024,
  /** Text compresses about 10:1; a run of zeros about 1000:1. Checked on entries over 1 MB. */
  ratio: 100,
  ratioCheckedAboveBytes: 1024 * 1024,
};

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Why an uploaded file is refused, or null. Nothing is unpacked: a ZIP (DOCX, PPTX) is judged by its
 * central directory, a PDF by the names in its bytes (and in its object streams, inflated with a cap).
 */
export async function refusalOf(data: Buffer): Promise<string | null> {
  if (data.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return zipRefusal(data);
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return pdfRefusal(data);
  return null;
}

async function zipRefusal(data: Buffer): Promise<string | null> {
  const entries = await readCentralDirectory(data).catch(() => null);
  if (!entries)
    return 'That file is a damaged document (its contents list cannot be read). Save it again and upload the new copy.';
  if (entries.length > ZIP_LIMITS.entries)
    return `That document holds ${entries.length} parts; we accept at most ${ZIP_LIMITS.entries}. Save it again without embedded files.`;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const suspicious =
      entry.uncompressedSize > ZIP_LIMITS.ratioCheckedAboveBytes &&
      entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(entry.compressedSize, 1);
    if (suspicious)
      return 'That document is packed in a way real documents never are (a part expands more than 100 times). Save it again and upload the new copy.';
  }
  if (total > ZIP_LIMITS.totalUncompressedBytes)
    return `That document would unpack to more than ${ZIP_LIMITS.totalUncompressedBytes / 1024 / 1024} MB. Upload a smaller file.`;
  return null;
}

/** The central directory's entries, read without inflating anything; rejects on a malformed archive. */
function readCentralDirectory(data: Buffer): Promise<{ uncompressedSize: number; compressedSize: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('unreadable'));
      if (zip.entryCount > ZIP_LIMITS.entries)
        return resolve(Array.from({ length: zip.entryCount }, () => ({ uncompressedSize: 0, compressedSize: 0 })));
      const entries: { uncompressedSize: number; compressedSize: number }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ uncompressedSize: entry.uncompressedSize, compressedSize: entry.compressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Actions that run something when a PDF is opened or clicked. */
const ACTIVE_PDF_NAMES = /\/(JavaScript|JS|Launch)(?![A-Za-z0-9])/;
const OBJECT_STREAMS_INFLATED_BYTES = 20 * 1024 * 1024;

function pdfRefusal(data: Buffer): string | null {
  const text = data.toString('latin1');
  const streams = objectStreams(text);
  if (streams === null)
    return 'That PDF is packed in a way real documents never are (its object streams expand past 20 MB). Print it to a new PDF and upload that.';
  if (ACTIVE_PDF_NAMES.test(decodeNames(text)) || ACTIVE_PDF_NAMES.test(decodeNames(streams)))
    return 'That PDF contains scripts or launch actions, which we do not accept. Print it to a new PDF (or export it again without scripts) and upload that.';
  return null;
}

/** PDF names may spell letters as #xx ("/J#61vaScript"); decode them before looking. */
function decodeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%]+/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

/**
 * The text of the compressed object streams (where PDF 1.5+ keeps most dictionaries), or null when they
 * would inflate past the cap.
 */
function objectStreams(text: string): string | null {
  const parts: string[] = [];
  let budget = OBJECT_STREAMS_INFLATED_BYTES;
  for (const match of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S]){0,2000})>>\s*stream\r?\n/g)) {
    if (!/\/Type\s*\/ObjStm/.test(match[1]) || !/\/FlateDecode/.test(match[1])) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const inflated = inflateSync(Buffer.from(text.slice(start, end), 'latin1'), { maxOutputLength: budget });
      budget -= inflated.length;
      parts.push(inflated.toString('latin1'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      // A damaged stream: a viewer cannot read it either.
    }
  }
  return parts.join('\n');
}

import { StreamableFile } from '@nestjs/common';
import { asciiFileName } from './content-type.js';

export interface DownloadableFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** An attachment header keeping a UTF-8 name (RFC 6266 filename*), with an ASCII name for older clients. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}

/** A stored file sent as a download (never shown inline: uploads are the candidates' files). */
export function attachment(file: DownloadableFile): StreamableFile {
  return new StreamableFile(file.data, {
    type: file.contentType,
    disposition: contentDisposition(file.fileName),
    length: file.data.length,
  });
}

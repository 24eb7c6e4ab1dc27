import { StreamableFile } from '@nestjs/common';

export interface DownloadableFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** A stored file sent as a download (never shown inline: uploads are the candidates' files). */
export function attachment(file: DownloadableFile): StreamableFile {
  return new StreamableFile(file.data, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.data.length,
  });
}

import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * All text of all pages of a PDF, in reading order, with whitespace normalised to single spaces, for
 * tests to search in. A line that ends in a word-internal hyphen ("mid-" + "market") is joined to the
 * next without a space, since the PDF writer broke the line after the hyphen, not at a space.
 */
export async function pdfText(buffer: Buffer): Promise<string> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(buffer), // a copy: pdf.js may detach the buffer it is given
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  const pdf = await task.promise;
  try {
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += /[\p{L}\p{N}]-$/u.test(text) ? '' : ' ';
      }
      text += ' ';
      page.cleanup();
    }
    return text.replace(/\s+/g, ' ').trim();
  } finally {
    await task.destroy();
  }
}

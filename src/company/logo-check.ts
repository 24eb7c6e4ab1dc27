import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

export const LOGO_LIMIT_BYTES = 512 * 1024;

export type LogoKind = 'png' | 'svg';

export const LOGO_CONTENT_TYPES: Record<LogoKind, string> = { png: 'image/png', svg: 'image/svg+xml' };

/** A logo ready to store: PNG as uploaded, SVG as sanitised. */
export interface CheckedLogo {
  kind: LogoKind;
  contentType: string;
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A logo judged by its bytes: a PNG (its signature and IHDR chunk) as it is, or an SVG parsed as XML and sanitised by
 * DOMPurify (no scripts, event handlers, foreign objects, style sheets, nor any reference outside the file). Anything
 * else, an SVG that cannot be parsed, or a file whose name (.png, .svg) says the other kind is refused with a message
 * for the admin.
 */
export function checkLogo(data: Buffer, fileName = ''): CheckedLogo | { refusal: string } {
  if (data.length === 0) return { refusal: 'Choose a PNG or SVG file.' };
  if (data.length > LOGO_LIMIT_BYTES) return { refusal: tooLarge() };
  const named = /\.(png|svg)$/i.exec(fileName)?.[1].toLowerCase();
  const isPng = data.subarray(0, 8).equals(PNG_SIGNATURE);
  if (named === 'svg' && isPng)
    return {
      refusal: 'That file is named .svg but is a PNG image. Rename it to .png (or export the SVG again) and upload it.',
    };
  const checked = isPng ? checkPng(data) : checkSvg(data);
  if (named === 'png' && 'kind' in checked && checked.kind === 'svg')
    return {
      refusal: 'That file is named .png but is an SVG drawing. Rename it to .svg (or export a PNG) and upload it.',
    };
  return checked;
}

function checkPng(data: Buffer): CheckedLogo | { refusal: string } {
  if (data.length < 33 || data.subarray(12, 16).toString('latin1') !== 'IHDR')
    return { refusal: 'That PNG is damaged (its header cannot be read). Export it again and upload the new copy.' };
  return { kind: 'png', contentType: LOGO_CONTENT_TYPES.png, data };
}

function checkSvg(data: Buffer): CheckedLogo | { refusal: string } {
  const text = data.toString('utf8');
  if (!/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(text) || text.includes('\uFFFD'))
    return { refusal: NOT_A_LOGO };
  const svg = sanitizeSvg(text);
  return svg === null
    ? {
        refusal:
          'That SVG cannot be read: it is not well-formed XML. Open it in a drawing program, export it again as SVG and upload the new copy.',
      }
    : { kind: 'svg', contentType: LOGO_CONTENT_TYPES.svg, data: Buffer.from(svg, 'utf8') };
}

export function tooLarge(): string {
  return `The logo is larger than ${LOGO_LIMIT_BYTES / 1024} KB. Upload a smaller file (a logo rarely needs more than 50 KB).`;
}

const NOT_A_LOGO = 'That file is not a PNG or SVG image. Upload the logo as a PNG or an SVG file.';

/** A reference inside the file itself (`#id`, `url(#id)`), the only kind a logo may keep. */
const LOCAL_REFERENCE = /^\s*#[\w.:-]*\s*$/;
const URL_FUNCTION = /url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi;

/**
 * The sanitised SVG markup, or null when it is not a well-formed SVG document. A DOCTYPE is refused outright: it
 * is where entity expansion and external entities hide, and a logo needs none.
 */
export function sanitizeSvg(source: string): string | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return null;
  const { window } = new JSDOM('');
  try {
    const document = new window.DOMParser().parseFromString(source, 'image/svg+xml');
    const root = document.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg') return null;
    if (document.getElementsByTagName('parsererror').length > 0) return null;
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      const name = data.attrName.toLowerCase();
      if ((name === 'href' || name === 'xlink:href') && !LOCAL_REFERENCE.test(data.attrValue)) data.keepAttr = false;
      if (hasExternalUrl(data.attrValue)) data.keepAttr = false;
    });
    purify.sanitize(root, {
      IN_PLACE: true,
      USE_PROFILES: { svg: true, svgFilters: true },
      // Drawing programs reuse shapes with <use>; DOMPurify leaves it out for its outside references, which the hook
      // above removes (only `#id` stays).
      ADD_TAGS: ['use'],
      FORBID_TAGS: ['style', 'foreignObject', 'script', 'image', 'a', 'animate', 'set', 'feImage'],
      FORBID_ATTR: ['style'],
    });
    if (!root.getAttribute('xmlns')) root.setAttribute('xmlns', SVG_NS);
    return new window.XMLSerializer().serializeToString(root);
  } finally {
    window.close();
  }
}

function hasExternalUrl(value: string): boolean {
  for (const match of value.matchAll(URL_FUNCTION)) if (!LOCAL_REFERENCE.test(match[2])) return true;
  return false;
}

import hbs from 'hbs';

/** The Content-ID of the logo attached to candidates' HTML mail (referenced as `cid:` from the header). */
export const LOGO_CID = 'company-logo@keeper.mail';

/**
 * A candidate's HTML message with the company's header on top: the logo (an inline attachment with the company's name
 * as its alt text) when there is a PNG logo, else the name in bold. Added when the message is delivered, so a logo
 * changed or removed meanwhile never leaves a broken image.
 */
export function withBrandHeader(html: string, companyName: string, hasLogo: boolean): string {
  const name = hbs.handlebars.Utils.escapeExpression(companyName);
  const header = hasLogo
    ? `<p style="margin: 0 0 24px"><img src="cid:${LOGO_CID}" alt="${name}" height="40" style="height: 40px; width: auto; border: 0; display: block"></p>`
    : `<p style="margin: 0 0 24px; font-size: 20px; font-weight: bold">${name}</p>`;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${header}\n${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${header}${html.slice(at)}`;
}

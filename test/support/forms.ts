/** Reads every named field of the first form posting to `action` on the page, as a browser would submit it. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`No form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = match[0];
    if (/type="(checkbox|radio)"/.test(tag) && !/\schecked/.test(tag)) continue;
    fields[match[1]] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const match of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[match[1]] = decode(/<option value="([^"]*)" selected>/.exec(match[2])?.[1] ?? '');
  }
  for (const match of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    fields[match[1]] = decode(match[2]);
  return fields;
}

function decode(text: string): string {
  return text
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}

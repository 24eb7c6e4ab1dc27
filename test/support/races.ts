import type { Response } from 'supertest';
import { csrfTokenIn, type Agent } from './http.js';
import type { TestApp } from './test-app.js';

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

/** One contender: who posts, the page whose form (and CSRF token) they opened, and what they send. */
export interface Contender {
  agent: Agent;
  page: string;
  action: string;
  fields: (form: Record<string, string>) => Record<string, string>;
}

/**
 * Every contender opens their page first (so each form is stale in the same way), then all post at once.
 * Returns the responses in the contenders' order.
 */
export async function race(contenders: Contender[]): Promise<Response[]> {
  const forms = await Promise.all(
    contenders.map(async ({ agent, page, action }) => {
      const html = (await agent.get(page).expect(200)).text;
      return { ...formFields(html, action), _csrf: csrfTokenIn(html) };
    }),
  );
  return Promise.all(
    contenders.map(({ agent, action, fields }, index) =>
      agent
        .post(action)
        .type('form')
        .send({ ...fields(forms[index]), _csrf: forms[index]._csrf }),
    ),
  );
}

/** How many times each race runs: 20 on PostgreSQL (the acceptance bar), 3 on SQLite (one writer hides races). */
export function rounds(testApp: TestApp): number {
  return testApp.dataSource.options.type === 'postgres' ? 20 : 3;
}

/** The statuses, sorted, with the page's message for anything but a redirect (to read a failure). */
export function outcomesOf(responses: Response[]): number[] {
  return responses.map((response) => response.status).sort();
}

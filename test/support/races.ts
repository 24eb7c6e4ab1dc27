import type { Response } from 'supertest';
import { formFields } from './forms.js';
import { csrfTokenIn, type Agent } from './http.js';
import type { TestApp } from './test-app.js';

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

import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { IsNull } from 'typeorm';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/demo.seed.js';
import { User } from '../../src/accounts/entities/user.entity.js';
import { Application } from '../../src/candidates/entities/application.entity.js';
import { Hire } from '../../src/hires/entities/hire.entity.js';
import { Interview } from '../../src/interviews/entities/interview.entity.js';
import { PortalLink } from '../../src/vetting/entities/portal-link.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeInBrowser, expectAccessible, launch, newVisitor, serve } from './support/browser.js';
import { htmlErrors } from './support/html.js';

// Issue 16, acceptance 1: every page each demo role can reach works on a phone (390 × 844): nothing scrolls sideways
// and axe finds nothing; acceptance 5: html-validate finds no error in any page's source. Pages are found by crawling links breadth-first, one URL per route pattern.
jest.setTimeout(120000);

const PHONE = { width: 390, height: 844 };
const SMALLEST = 360;
const PER_ROLE_CAP = 60;
const SCREENSHOTS = '/tmp/phone';

/** Links that download a file, leave the site or would sign out: not pages to look at. */
const NOT_A_PAGE = /\.(pdf|ics|csv|docx?|png|svg|zip)$|\/(resume|deck|report|logout)$|\/documents\/|[?&]format=/;

/**
 * One key per route pattern: numbers become :id, long random tokens :token, careers references (`1-account-…`) :ref,
 * message template keys :key; the query string is ignored.
 */
export function routePattern(path: string): string {
  return path
    .replace(/^\/admin\/messages\/[a-z-]+/, '/admin/messages/:key')
    .split('/')
    .map((segment) =>
      /^\d+$/.test(segment)
        ? ':id'
        : /^\d+-/.test(segment)
          ? ':ref'
          : /^[A-Za-z0-9_-]{20,}$/.test(segment)
            ? ':token'
            : segment,
    )
    .join('/');
}

interface Failure {
  who: string;
  url: string;
  problem: string;
}

/** Where the page is wider than the screen: the offending elements, outermost first, for a readable report. */
function overflowAt(page: Page, width: number): Promise<string | null> {
  return page.evaluate((limit) => {
    if (document.documentElement.scrollWidth <= limit) return null;
    const inScroller = (element: Element): boolean => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > limit + 0.5 && !inScroller(element))
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= limit + 0.5)
      .slice(0, 4)
      .map((element) => {
        const name =
          element.tagName.toLowerCase() + (element.className ? `.${String(element.className).split(' ')[0]}` : '');
        return `${name} (${Math.round(element.getBoundingClientRect().right)} px)`;
      });
    return `${document.documentElement.scrollWidth} px wide at ${limit} px: ${culprits.join(', ')}`;
  }, width);
}

/** A box that scrolls sideways must be reachable by keyboard and named (tabindex="0", role="region", aria-label). */
function unnamedScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => {
        const overflow = getComputedStyle(element).overflowX;
        return (overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1;
      })
      .filter(
        (element) =>
          element.getAttribute('tabindex') !== '0' ||
          element.getAttribute('role') !== 'region' ||
          !element.getAttribute('aria-label'),
      )
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`),
  );
}

/** Signs in through the form; the recruiter lands on the agency portal, everyone else on home. */
async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

describeInBrowser('Every page on a phone', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  const failures: Failure[] = [];
  const visited = new Map<string, string[]>();
  const seconds = new Map<string, number>();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    testApp = await createTestApp();
    await seedDemo(testApp.app);
    baseUrl = await serve(testApp.app);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  /** Looks at one page at phone width: its width at 390 and 360 px, its scroll boxes, axe. Returns its links. */
  async function inspect(page: Page, who: string, url: string): Promise<string[]> {
    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    if (status >= 400) {
      failures.push({ who, url, problem: `HTTP ${status}` });
      return [];
    }
    const invalid = await htmlErrors(await response!.text());
    if (invalid.length) failures.push({ who, url, problem: `html-validate: ${invalid.slice(0, 5).join('; ')}` });
    for (const width of [PHONE.width, SMALLEST]) {
      await page.setViewportSize({ width, height: PHONE.height });
      const overflow = await overflowAt(page, width);
      if (overflow) failures.push({ who, url, problem: overflow });
    }
    await page.setViewportSize(PHONE);
    const scrollers = await unnamedScrollers(page);
    if (scrollers.length) failures.push({ who, url, problem: `scroll box without tabindex/role/label: ${scrollers}` });
    try {
      await expectAccessible(page);
    } catch (error) {
      failures.push({
        who,
        url,
        problem: `axe: ${(error as Error).message
          .split('\n')
          .filter((line) => /^\s+"/.test(line))
          .join(' ')}`,
      });
    }
    return page.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((link) => (link as HTMLAnchorElement).href),
    );
  }

  /** Breadth-first from the roots, one URL per route pattern (roots are always visited). */
  async function crawl(page: Page, who: string, roots: string[], skip = new Set<string>()): Promise<Set<string>> {
    const started = Date.now();
    const seen = new Set<string>(skip);
    const queue = [...roots];
    const forced = new Set(roots);
    const patterns = new Set<string>();
    const urls: string[] = [];
    while (queue.length && urls.length < PER_ROLE_CAP) {
      const url = queue.shift()!;
      const { pathname } = new URL(url);
      const pattern = routePattern(pathname);
      if (!forced.has(url) && seen.has(pattern)) continue;
      seen.add(pattern);
      patterns.add(pattern);
      urls.push(url);
      for (const href of await inspect(page, who, url)) {
        const link = new URL(href);
        link.hash = '';
        if (link.origin !== baseUrl || NOT_A_PAGE.test(link.pathname + link.search)) continue;
        if (!seen.has(routePattern(link.pathname))) queue.push(link.toString());
      }
    }
    visited.set(who, urls);
    seconds.set(who, Math.round((Date.now() - started) / 1000));
    return patterns;
  }

  /** Pages the issue names: the crawl must reach each, so a crawl that stops early cannot pass. */
  const KEY_PAGES: [string, RegExp][] = [
    ['board', /^\/positions\/\d+\/board$/],
    ['application', /^\/applications\/\d+$/],
    ['applications list', /^\/positions\/\d+\/applications$/],
    ['debrief', /^\/interviews\/\d+\/debrief$/],
    ['scorecard', /^\/interviews\/\d+\/scorecard$/],
    ['onboarding plan', /^\/hires\/\d+$/],
    ['first-year plan', /^\/hires\/\d+\/plan$/],
    ['milestone editor', /^\/positions\/\d+\/plan\/edit$/],
    ['calibration', /^\/insights\/calibration$/],
    ['outbox', /^\/admin\/outbox$/],
    ['grading', /^\/grading\/\d+$/],
    ['new hire home', /^\/my\/onboarding$/],
    ['agency portal', /^\/agency\/submissions$/],
    ['candidate portal', /^\/portal\/[\w-]+$/],
    ['writing test', /^\/portal\/[\w-]+\/writing$/],
    ['careers position', /^\/careers\/\d+-/],
  ];

  // About two minutes on a quiet two-core machine; the limit leaves room for a loaded one.
  it('lets every demo role, the candidate portal and the careers site use every page at 390 px', async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    let managerPatterns = new Set<string>();
    // Links differ with an application's stage (schedule, debrief, offer): the manager starts from one of each too.
    const applications = await testApp.dataSource.getRepository(Application).find({ order: { id: 'ASC' } });
    const byStage = new Map(applications.map((application) => [application.stage, application.id]));
    const stagePages = [...byStage.values()].map((id) => `${baseUrl}/applications/${id}`);
    for (const email of [
      'manager@keeper.demo',
      'admin@keeper.demo',
      'interviewer@keeper.demo',
      'newhire@keeper.demo',
      'recruiter@keeper.demo',
    ]) {
      await context.clearCookies();
      await signIn(page, baseUrl, email);
      // The admin sees everything the manager sees and more: the shared pages were already looked at.
      const roots = email.startsWith('manager') ? [`${baseUrl}/`, ...stagePages] : [`${baseUrl}/`];
      const patterns = await crawl(page, email, roots, email.startsWith('admin') ? managerPatterns : undefined);
      if (email.startsWith('manager')) managerPatterns = new Set([...patterns].filter((pattern) => pattern !== '/'));
    }
    await context.clearCookies();
    const links = await testApp.dataSource
      .getRepository(PortalLink)
      .find({ where: { revokedAt: IsNull() }, order: { id: 'ASC' } });
    // One portal per stage of its application: the portal shows what the candidate may do at that stage.
    const stageOf = new Map(applications.map((application) => [application.id, application.stage]));
    const portalByStage = new Map(
      links
        .filter((link) => link.expiresAt > new Date())
        .map((link) => [stageOf.get(link.applicationId), `${baseUrl}/portal/${link.token}`]),
    );
    const portals = [...portalByStage.values()];
    await crawl(page, 'candidate portal', portals);
    await crawl(page, 'careers site', [`${baseUrl}/careers`]);
    await context.close();

    const counts = [...visited].map(([who, urls]) => `${who}: ${urls.length} in ${seconds.get(who)} s`).join(', ');
    console.log(`Looked at ${counts}\n${[...visited.values()].flat().join('\n')}`);
    const all = [...visited.values()].flat().map((url) => new URL(url).pathname);
    for (const [name, test] of KEY_PAGES)
      expect({ name, found: all.some((path) => test.test(path)) }).toEqual({ name, found: true });
    expect(visited.get('candidate portal')!.length).toBeGreaterThan(1);
    expect(failures.map((failure) => `${failure.who} ${failure.url}: ${failure.problem}`)).toEqual([]);
  }, 480000);

  it('takes screenshots of the busiest pages at 390 × 844 and 1280 × 900', async () => {
    const ds = testApp.dataSource;
    const ben = await ds.getRepository(Application).findOneByOrFail({ stage: 'decision' });
    const interview = await ds.getRepository(Interview).findOneByOrFail({ applicationId: ben.id });
    const omar = await ds.getRepository(User).findOneByOrFail({ email: 'omar.haddad@candidates.demo' });
    const hire = await ds.getRepository(Hire).findOneByOrFail({ userId: omar.id });
    const pages: [string, string][] = [
      ['board', `/positions/${ben.positionId}/board`],
      ['application', `/applications/${ben.id}`],
      ['debrief', `/interviews/${interview.id}/debrief`],
      ['plan', `/hires/${hire.id}/plan`],
      ['applications-list', `/positions/${ben.positionId}/applications`],
    ];
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await signIn(page, baseUrl, 'manager@keeper.demo');
    for (const [name, path] of pages) {
      expect({ name, status: (await page.goto(`${baseUrl}${path}`))?.status() }).toEqual({ name, status: 200 });
      for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport.width}.png`, fullPage: true });
        expect({ name, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({
          name,
          width: viewport.width,
        });
      }
    }
    // The debrief's matrix scrolls by keyboard inside its box while the questions stay in view.
    await page.goto(`${baseUrl}/interviews/${interview.id}/debrief`);
    await page.setViewportSize(PHONE);
    const matrix = page.getByRole('region', { name: 'Table of ratings and evidence' });
    expect(await matrix.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await matrix.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((box) => (box?.scrollLeft ?? 0) > 0, await matrix.elementHandle(), { timeout: 5000 });
    const question = matrix.getByRole('rowheader').first();
    expect(await question.evaluate((cell) => cell.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await context.close();
  });
});

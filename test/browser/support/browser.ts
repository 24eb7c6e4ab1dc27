import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM_PATH);

if (!available && process.env.CI === 'true') {
  throw new Error(
    `Chromium is required for browser specs in CI but ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`,
  );
}
if (!available) {
  console.warn(
    `Browser specs skipped: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`,
  );
}

/** describe() when Chromium is installed; reported as skipped (with the hint above) when it is not. */
export const describeInBrowser = available ? describe : describe.skip;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A fresh visitor. The page's CSP is bypassed only so axe-core can be injected. */
export async function newVisitor(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10000);
  return context;
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and fails with a readable list if anything is found. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // Only the violations are read: axe then skips detailing every passing node, which is much faster on big pages.
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  const report = violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect({ url: page.url(), violations: report }).toEqual({ url: page.url(), violations: [] });
}

/** Saves a screenshot when SCREENSHOTS names a folder (for looking at pages by eye). */
export async function snapshot(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: process.env.SCREENSHOTS_FULL === '1' });
}

/** Serves the test app on a free local port and returns its address. */
export async function serve(app: {
  listen(port: number, host: string): Promise<unknown>;
  getUrl(): Promise<string>;
}): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** Looks at a page the way a reviewer would: a screenshot (when asked for) and an accessibility check. */
export async function visit(page: Page, name: string): Promise<void> {
  await snapshot(page, name);
  await expectAccessible(page);
}

export function waitForText(page: Page, text: string): Promise<void> {
  return page.getByText(text).first().waitFor({ state: 'visible' });
}

/** Signs in through the real form and waits for the home page. */
export async function signInWithForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

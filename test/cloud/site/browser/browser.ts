// Chromium for the browser tests: Debian's binary driven by playwright-core. Missing Chromium fails the tests
// with the fix in the message; WAYGO_SKIP_BROWSER=1 is the only way to skip them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { suite } from 'uvu';
import { requireChromium } from '../../../../tools/browser/index.ts';
import { ADMIN, startBrowserWorld, type BrowserWorld } from './world.ts';

export const SKIP_BROWSER = process.env.WAYGO_SKIP_BROWSER === '1';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true });
}

/** A full-page screenshot kept as a test artifact (the folder is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form as a person would, and waits for the dashboard. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/admin`);
}

/** Whether the element matching `selector` has the keyboard focus. */
export function isFocused(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => el.matches(':focus'));
}

/** Presses Tab until the element matching `selector` has the focus; fails after `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 25): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(page, selector)) return;
  }
  throw new Error(`${selector} never got the focus in ${limit} Tab presses`);
}

export interface BrowserState {
  world: BrowserWorld;
  browser: Browser;
  context: BrowserContext;
  /** Signed in as the platform administrator when the suite asked for it. */
  page: Page;
}

type Context = { s?: BrowserState; failure?: unknown };

/**
 * A uvu suite over one server and one Chromium. uvu drops a hook's error message, so a failed start (no
 * Chromium, and the fix) is kept and rethrown by `state()` in every test, where the message shows.
 */
export function browserSuite(name: string, options: { signIn?: boolean } = {}) {
  const test = suite<Context>(name);
  test.before(async (ctx) => {
    if (SKIP_BROWSER) return;
    const world = await startBrowserWorld();
    try {
      const browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      if (options.signIn) await signIn(page, world.url, ADMIN.email, ADMIN.password);
      ctx.s = { world, browser, context, page };
    } catch (err) {
      await world.close();
      ctx.failure = err;
    }
  });
  test.after(async ({ s }) => {
    await s?.context.close();
    await s?.browser.close();
    await s?.world.close();
  });
  return {
    it: SKIP_BROWSER ? test.skip : test,
    state(ctx: Context): BrowserState {
      if (ctx.failure !== undefined) throw ctx.failure;
      if (!ctx.s) throw new Error('the browser world did not start');
      return ctx.s;
    },
    run: () => test.run(),
  };
}

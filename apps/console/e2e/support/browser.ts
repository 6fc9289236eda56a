import fs from 'node:fs';
import path from 'node:path';

import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

import { CONTEXT_OPTIONS, LAUNCH_OPTIONS } from './browser-options';
import { t } from './i18n';
import { SCREENSHOTS_DIR } from './paths';

export const DEMO_PASSWORD = 'arrears-demo';
/** Signs in as this unless a test says otherwise: sees the whole bank and may do every workflow. */
export const SUPERVISOR = 'supervisor@psbc.demo';

/** How long one step (a click, a wait for text) may take before the test fails. */
const ACTION_TIMEOUT_MS = 30_000;

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/**
 * Watches a page for what a person would call broken: anything written to the console as an
 * error, an uncaught exception, a request that failed at the network level, and a GraphQL
 * answer with an INTERNAL error (a server fault the screen may have swallowed).
 */
export function watchForProblems(page: Page, problems: string[]): () => Promise<void> {
  const pending: Promise<void>[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      problems.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a page cancels its requests in flight: that is not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql')) return;
    pending.push(
      response
        .text()
        .then((body) => {
          if (body.includes('"INTERNAL"')) problems.push(`GraphQL INTERNAL error: ${body}`);
        })
        .catch(() => undefined),
    );
  });
  return async () => {
    await Promise.all(pending);
  };
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** What `watchForProblems` saw in the current test; asserted empty after each test. */
  readonly problems: string[];
  /** A new context (no HTTP cache) signed in as the file's user. */
  newSignedInContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * The browser for one test file: one Chromium for the file, a fresh context and page per test,
 * signed in as `user` (through the login form once per file) unless `user` is null. After each
 * test, fails it when the page reported any problem (see `watchForProblems`); a failed test
 * leaves a screenshot in `e2e/screenshots/failed/`.
 */
export function useBrowser({ user = SUPERVISOR }: { user?: string | null } = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let settle: (() => Promise<void>) | undefined;
  let signedIn: StorageState | undefined;
  const problems: string[] = [];
  const baseURL = inject('consoleUrl');

  const newContext = async (options: BrowserContextOptions = {}) => {
    if (!browser) throw new Error('the browser is not running');
    const created = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL, ...options });
    created.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return created;
  };

  beforeAll(async () => {
    browser = await chromium.launch(LAUNCH_OPTIONS);
    if (user) {
      const first = await newContext();
      const firstPage = await first.newPage();
      const firstProblems: string[] = [];
      const settled = watchForProblems(firstPage, firstProblems);
      await signIn(firstPage, user);
      signedIn = await first.storageState();
      await settled();
      await first.close();
      expect(firstProblems, 'problems while signing in').toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    problems.length = 0;
    context = await newContext(signedIn ? { storageState: signedIn } : {});
    page = await context.newPage();
    settle = watchForProblems(page, problems);
  });

  afterEach(async ({ task }) => {
    if (page && !page.isClosed()) problems.push(...(await untranslatedKeys(page)));
    if (task.result?.state === 'fail' && page && !page.isClosed()) {
      const dir = path.join(SCREENSHOTS_DIR, 'failed');
      fs.mkdirSync(dir, { recursive: true });
      const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
      await page
        .screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
        .catch(() => {});
    }
    await settle?.();
    await context?.close();
    expect(problems, 'the browser reported problems').toEqual([]);
  });

  return {
    get browser() {
      if (!browser) throw new Error('the browser is not running');
      return browser;
    },
    get context() {
      if (!context) throw new Error('no context outside a test');
      return context;
    },
    get page() {
      if (!page) throw new Error('no page outside a test');
      return page;
    },
    problems,
    newSignedInContext: (options = {}) =>
      newContext(signedIn ? { storageState: signedIn, ...options } : options),
  };
}

/** The first words of our translation keys: a key on screen is a label nobody translated. */
const KEY_ROOTS = [
  'ra',
  'resources',
  'enums',
  'auth',
  'dashboard',
  'worklist',
  'feedback',
  'visits',
  'cases',
  'contacts',
  'borrowers',
  'tasks',
  'users',
  'partnerApps',
  'audit',
];
const KEY_ON_SCREEN = new RegExp(
  `(?<![\\w@.])(?:${KEY_ROOTS.join('|')})\\.[A-Za-z_]+(?:\\.[A-Za-z_]+)*`,
  'g',
);

/** Translation keys shown as text on the page (react-admin shows the key of a missing message). */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText).catch(() => '');
  return [...new Set(text.match(KEY_ON_SCREEN) ?? [])].map((key) => `untranslated: ${key}`);
}

/** The page title react-admin shows in the app bar. */
export const pageTitle = (page: Page) => page.locator('#react-admin-title');

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/#/login');
  await page.getByRole('textbox', { name: t('ra.auth.username') }).fill(email);
  await page.getByRole('textbox', { name: t('ra.auth.password') }).fill(password);
  await page.getByRole('button', { name: t('ra.auth.sign_in') }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/**
 * Saves a screenshot of the current page as `e2e/screenshots/<name>.png`: the whole page, or
 * what the window shows when `fullPage` is false (a dialog's backdrop covers only the window).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  // Nothing half-loaded: no request in flight, no spinner or loading bar (a progress bar with
  // a value, like the priority score's, is content).
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('[role="progressbar"]:not([aria-valuenow])').length === 0,
  );
  await page.screenshot({
    path: file,
    fullPage,
    animations: 'disabled',
    // The page, not a notification that happened to be passing.
    style: '.MuiSnackbar-root { visibility: hidden !important; }',
  });
  return file;
}

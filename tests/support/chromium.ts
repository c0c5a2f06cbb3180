import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`, installed by .ci/run); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a closed network and a root user: no sandbox, no GPU, and none
 * of Chromium's own background connections (updates, sync, QUIC probes).
 * Playwright gives every launch a fresh, empty profile (--user-data-dir).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Launches headless Chromium, or fails saying how to install it (tests never skip for want of it). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium); .ci/run does this.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** What a page did that a test forbids: requests beyond our server, console errors and uncaught exceptions. */
export interface PageRecord {
  readonly foreignRequests: string[];
  readonly pageErrors: string[];
}

/**
 * A fresh browser profile for `origin` on a closed network: every request to
 * anything but `origin` (and data:/blob: URLs) is aborted and recorded in
 * `record.foreignRequests`. `options` go to `browser.newContext`.
 */
export async function closedContext(browser: Browser, origin: string, record: PageRecord, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else {
      record.foreignRequests.push(url);
      await route.abort();
    }
  });
  return context;
}

/** Records the page's console errors and uncaught exceptions (CSP violations show up here too), each prefixed by `label(page)`. */
export function recordPageErrors(page: Page, record: PageRecord, label: (page: Page) => string = () => ''): void {
  page.on('console', (message) => {
    if (message.type() === 'error') record.pageErrors.push(`${label(page)}${message.text()}`);
  });
  page.on('pageerror', (error) => record.pageErrors.push(`${label(page)}${error.message}`));
}

/** Waits until the explorer has drawn a revision after `afterRevision`, is not busy, and its layout has stopped. */
export async function waitForExplorerIdle(page: Page, afterRevision = 0): Promise<void> {
  await page.waitForFunction(
    (revision) => {
      const state = window.explorer?.snapshot();
      return state !== undefined && !state.busy && state.revision > revision && document.getElementById('graph')?.dataset['layout'] !== 'running';
    },
    afterRevision,
    { timeout: 30_000 },
  );
}

/**
 * The playground (GraphiQL at /graphql) as a first-time user meets it:
 * headless Chromium (Debian's package, through playwright-core) against the
 * real server process and the run's Neo4j, with every request to anything but
 * our server blocked and recorded.
 *
 * Set PLAYGROUND_SCREENSHOT=<file.png> to save the page with the Docs pane and
 * the query builder (`npm run screenshot:playground` writes docs/playground.png).
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples.js';
import { closedContext, launchChromium, recordPageErrors, type PageRecord } from '../support/chromium.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface GraphQLBody { data?: Record<string, unknown> | null; errors?: unknown[] }

const WIDE = { width: 1600, height: 900 };

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
const record: PageRecord = { foreignRequests: [], pageErrors: [] };

beforeAll(async () => {
  browser = await launchChromium();
  const neo4j = inject('neo4j');
  server = await startServerProcess({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password });
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** Opens GraphiQL in a fresh profile and waits until it has loaded the schema; returns the page and the introspection answer. */
async function openPlayground(): Promise<{ page: Page; introspection: GraphQLBody; status: number }> {
  const context = await closedContext(browser, server.origin, record, { viewport: WIDE });
  contexts.push(context);
  const page = await context.newPage();
  recordPageErrors(page, record);
  const introspected = page.waitForResponse((r) => isGraphQLPost(r) && (r.request().postData() ?? '').includes('__schema'), { timeout: 60_000 });
  await page.goto(`${server.origin}/graphql`);
  const response = await introspected;
  const introspection = (await response.json()) as GraphQLBody;
  await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 60_000 });
  return { page, introspection, status: response.status() };
}

function isGraphQLPost(response: Response): boolean {
  return response.url().startsWith(`${server.origin}/graphql`) && response.request().method() === 'POST';
}

/** Runs the active tab with the execute button and returns the server's answer. */
/** Runs the active tab and returns its answer (the one for `name`, when given). */
async function execute(page: Page, name?: string): Promise<GraphQLBody> {
  const answered = page.waitForResponse((r) => {
    const body = r.request().postData() ?? '';
    return isGraphQLPost(r) && !body.includes('__schema') && (name === undefined || body.includes(`"operationName":"${name}"`) || body.includes(`query ${name}`));
  }, { timeout: 60_000 });
  // While the last answer is still being shown the button reads "Stop"; wait until it runs again.
  await page.locator('.graphiql-execute-button[aria-label^="Execute"]').waitFor({ timeout: 20_000 });
  await page.click('.graphiql-execute-button');
  return (await (await answered).json()) as GraphQLBody;
}

/** The text of the result pane as shown. */
function resultText(page: Page): Promise<string> {
  return page.locator('.graphiql-response').innerText();
}

describe('the playground, as a user meets it', () => {
  it('opens with the schema loaded and no error in the result pane', async () => {
    const { page, introspection, status } = await openPlayground();
    expect(status).toBe(200);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data?.['__schema']).toBeDefined();
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs).toHaveLength(PLAYGROUND_EXAMPLES.length);
    expect(await resultText(page)).not.toMatch(/error|QUERY_TOO_COSTLY/i);
    expect(await page.locator('.graphiql-doc-explorer-error').count()).toBe(0);
  }, 120_000);

  it('lists Query and its fields in the Docs pane', async () => {
    const { page } = await openPlayground();
    await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer-field-name').allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining(['entity', 'entities', 'search', 'paths', 'neighborhood', 'timeline', 'subgraph']),
    );
    expect(await page.locator('.graphiql-doc-explorer-title').innerText()).toBe('Query');
  }, 120_000);

  it('offers completions from the schema while typing', async () => {
    const { page } = await openPlayground();
    await page.locator('.graphiql-query-editor .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ neigh', { delay: 50 });
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.graphiql-query-editor .suggest-widget .monaco-list-row');
    await expect.poll(() => suggestions.allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('neighborhood')]),
    );
  }, 120_000);

  it('runs every example tab and shows data with no errors', async () => {
    const { page } = await openPlayground();
    const tabs = page.locator('.graphiql-tab');
    for (const [index, example] of PLAYGROUND_EXAMPLES.entries()) {
      const tab = tabs.nth(index);
      // A dispatched click: GraphiQL's tabs are draggable, and a pointer click can start a drag instead.
      await tab.locator('button').first().dispatchEvent('click');
      // The tab must be the active one before it runs: a click on a far tab can take a moment to switch.
      await expect.poll(() => tab.getAttribute('class'), { timeout: 20_000 }).toContain('graphiql-tab-active');
      // The editor takes the tab's text a moment after the tab turns active.
      await page.waitForTimeout(300);
      const body = await execute(page);
      expect(body.errors, example.title).toBeUndefined();
      const values = Object.values(body.data ?? {});
      expect(values.length, example.title).toBeGreaterThan(0);
      expect(values.every((v) => v !== null && !(Array.isArray(v) && v.length === 0)), example.title).toBe(true);
      await expect.poll(() => resultText(page), { timeout: 20_000 }).toContain('"data"');
      expect(await resultText(page), example.title).not.toContain('"errors"');
    }
  }, 300_000);

  it('builds a query by ticking fields in the explorer, runs it and shows the data', async () => {
    const { page } = await openPlayground();
    await page.click('.graphiql-tab-add');
    await page.click('.graphiql-sidebar button[aria-label="Show GraphiQL Explorer"]');
    const explorer = page.locator('.graphiql-explorer-root');
    await explorer.waitFor({ timeout: 20_000 });
    // Tick `sources`, then its `nodes`, then `name` inside them.
    await explorer.locator('.graphiql-explorer-sources > span').first().click();
    await explorer.locator('.graphiql-explorer-sources .graphiql-explorer-nodes > span').first().click();
    await explorer.locator('.graphiql-explorer-sources .graphiql-explorer-nodes .graphiql-explorer-name > span').first().click();
    const body = await execute(page);
    expect(body.errors).toBeUndefined();
    const sources = body.data?.['sources'] as { nodes: { name: string }[] };
    expect(sources.nodes.length).toBeGreaterThan(0);
    expect(sources.nodes.every((node) => typeof node.name === 'string' && node.name !== '')).toBe(true);
    // The result pane wraps long lines.
    await expect.poll(async () => (await resultText(page)).replace(/\s+/g, ' '), { timeout: 20_000 }).toContain(sources.nodes[0]!.name);
    expect(await page.locator('.graphiql-query-editor').innerText()).toMatch(/sources\s*\{\s*nodes\s*\{\s*name/);

    const file = process.env['PLAYGROUND_SCREENSHOT'];
    if (file) await saveScreenshot(page, file);
  }, 120_000);

  it('asked for nothing beyond our server and logged no errors', () => {
    expect(record.foreignRequests).toEqual([]);
    expect(record.pageErrors).toEqual([]);
  });
});

describe('the exports example', () => {
  it('names an /export URL that gives the same selection as its subgraph query', async () => {
    const example = PLAYGROUND_EXAMPLES.find(({ query }) => query.includes('/export/'))!;
    const url = /http:\/\/localhost:4000(\/export\/\S+)/.exec(example.query)![1]!;
    const response = await fetch(`${server.origin}${url}`);
    expect(response.status).toBe(200);
    const graphml = await response.text();
    const answer = (await (await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.query }),
    })).json()) as { data: { subgraph: { nodes: { key: string }[] } } };
    const keys = answer.data.subgraph.nodes.map(({ key }) => key).sort();
    const exported = [...graphml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]!).sort();
    expect(exported).toEqual(keys);
  });
});

/**
 * Saves the query builder with the query it built and its result as `file`,
 * then the Docs pane open at Query as `<file>-docs.png` (GraphiQL shows one
 * side panel at a time).
 */
async function saveScreenshot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: file });
  await page.click('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]');
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
  await page.locator('.graphiql-doc-explorer-field-name').first().waitFor();
  await page.screenshot({ path: file.replace(/\.png$/, '-docs.png') });
}

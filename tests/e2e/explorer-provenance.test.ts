/**
 * Issue #18 item 8 in the explorer: facts can be shown or hidden by
 * provenance (seed / curated / retracted). Retracted facts are hidden by
 * default and, when asked for, drawn apart (dotted, "(retracted)") with who
 * retracted them, when and why. Headless Chromium against a server process on
 * a Neo4j of its own, where a curator has added and retracted facts.
 *
 * Set EXPLORER_PROVENANCE_SCREENSHOT=<file.png> to save the view with retracted facts shown.
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { closedContext, launchChromium, recordPageErrors, type PageRecord, waitForExplorerIdle } from '../support/chromium.js';
import { isolatedCurationApi, type CurationApi } from '../support/curation-client.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

type Snapshot = ReturnType<NonNullable<Window['explorer']>['snapshot']>;

let api: CurationApi;
let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
const record: PageRecord = { foreignRequests: [], pageErrors: [] };

beforeAll(async () => {
  api = await isolatedCurationApi('explorer-provenance');
  const curator = await api.key('curator', 'analyst-explorer');
  const curate = async (operations: unknown[], reason: string): Promise<void> => {
    const response = await api.gql('mutation($operations: [CurationOperationInput!]!, $reason: String) { curate(operations: $operations, reason: $reason) { ids } }', { operations, reason }, curator);
    expect(response.errors).toBeUndefined();
  };
  const cite = [{ source: 'source-000', lines: '5' }];
  await curate(
    [
      { addEntity: { id: 'test-envoy', kind: 'Person', name: 'Test Envoy', citations: cite } },
      { addEntity: { id: 'test-withdrawn-envoy', kind: 'Person', name: 'Test Withdrawn Envoy', citations: cite } },
      { addRelationship: { type: 'NATIONAL_OF', from: 'test-envoy', to: 'japan', citations: cite } },
      { addRelationship: { type: 'ADVISES', from: 'test-withdrawn-envoy', to: 'test-envoy', citations: cite } },
    ],
    'Test: envoys for the explorer',
  );
  await curate([{ retractEntity: { id: 'test-withdrawn-envoy' } }], 'Test: the second envoy was a misreading');
  // The route plans take seconds to build on a busy CI machine, and the plan counts against the timeout:
  // these tests check the explorer, not latency.
  server = await startServerProcess({ NEO4J_URI: api.boltUri, NEO4J_USER: 'neo4j', QUERY_TIMEOUT_MS: '60000', NEO4J_PASSWORD: '' });
  browser = await launchChromium();
  context = await closedContext(browser, server.origin, record, { viewport: { width: 1366, height: 768 } });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await api?.close();
});

const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(() => window.explorer!.snapshot());

async function settle(page: Page, action: () => Promise<unknown>): Promise<Snapshot> {
  const before = (await snapshot(page)).revision;
  await action();
  await waitForExplorerIdle(page, before);
  return snapshot(page);
}

const node = (snap: Snapshot, key: string) => snap.graph.nodes.find((n) => n.key === key);

describe('the explorer’s provenance filter', () => {
  it('hides retracted facts by default, draws them apart when asked, and shows seed or curated facts on their own', async () => {
    const page = await context.newPage();
    recordPageErrors(page, record, (p) => `${p.url()}: `);
    await page.goto(`${server.origin}/explore?focus=test-envoy&expand=test-envoy`);
    await waitForExplorerIdle(page);

    // By default: the live facts, seed and curated; the retracted envoy is not even loaded.
    let snap = await snapshot(page);
    expect(await page.isChecked('#origin-seed')).toBe(true);
    expect(await page.isChecked('#origin-curated')).toBe(true);
    expect(await page.isChecked('#origin-retracted')).toBe(false);
    expect(node(snap, 'test-envoy')?.visible).toBe(true);
    expect(node(snap, 'japan')?.visible).toBe(true);
    expect(node(snap, 'test-withdrawn-envoy')).toBeUndefined();

    // Retracted on: the retracted envoy and its tie come in, marked and labelled as such.
    snap = await settle(page, () => page.check('#origin-retracted'));
    expect(snap.state.origins).toEqual(['seed', 'curated', 'retracted']);
    expect(new URL(page.url()).searchParams.get('origin')).toBe('seed,curated,retracted');
    const withdrawn = node(snap, 'test-withdrawn-envoy');
    expect(withdrawn).toMatchObject({ visible: true, label: 'Test Withdrawn Envoy (retracted)', labelShown: true });
    expect(withdrawn?.classes).toContain('retracted');
    const tie = snap.graph.edges.find((e) => e.source === 'test-withdrawn-envoy' && e.target === 'test-envoy');
    expect(tie).toMatchObject({ visible: true, type: 'ADVISES', fullCaption: 'retracted: advises' });
    expect(tie?.classes).toContain('retracted');
    const screenshot = process.env['EXPLORER_PROVENANCE_SCREENSHOT'];
    if (screenshot) await page.screenshot({ path: resolve(PROJECT_ROOT, screenshot) });

    // Its details say who retracted it, when and why.
    await settle(page, () => page.mouse.click(tie!.midpoint!.x, tie!.midpoint!.y));
    const note = await page.textContent('#details-retraction');
    expect(note).toContain('Retracted');
    expect(note).toContain('Test: the second envoy was a misreading');
    expect(note).toContain(new Date().toISOString().slice(0, 10));

    // Seed and retracted only: the curated envoy and its tie to Japan go; the retracted tie loses its live end with it.
    snap = await settle(page, () => page.uncheck('#origin-curated'));
    expect(node(snap, 'test-envoy')?.visible).toBe(false);
    expect(snap.graph.edges.filter((e) => e.visible).map((e) => e.source)).not.toContain('test-envoy');
    expect(node(snap, 'test-withdrawn-envoy')?.visible).toBe(false);

    // Curated only: the seed entity Japan goes, and the curated envoy stays as the opened entity.
    await settle(page, () => page.check('#origin-curated'));
    snap = await settle(page, () => page.uncheck('#origin-seed'));
    expect(node(snap, 'japan')?.visible).toBe(false);
    expect(node(snap, 'test-envoy')?.visible).toBe(true);
  });

  it('made no request outside our server and logged no errors', () => {
    expect(record.foreignRequests).toEqual([]);
    expect(record.pageErrors).toEqual([]);
  });
});

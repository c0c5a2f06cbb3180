/**
 * The graph explorer, driven like a user drives it: headless Chromium
 * (Debian's package, through playwright-core) against the real server
 * process and the run's Neo4j. What the page shows is read from the DOM and
 * from `window.explorer.snapshot()` (what the graph draws where), and checked
 * against the API's own answers.
 *
 * Set EXPLORER_SCREENSHOT=<file.png> to save the path view as a picture
 * (`npm run screenshot:explorer` writes docs/explorer-path.png).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/bootstrap.js';
import { launchChromium } from '../support/chromium.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

type Snapshot = ReturnType<NonNullable<Window['explorer']>['snapshot']>;
interface Box { x1: number; y1: number; x2: number; y2: number }

const LAPTOP = { width: 1366, height: 768 };

let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Requests the pages made to anything but our server: there must be none. */
const foreignRequests: string[] = [];
/** Console errors and uncaught exceptions (CSP violations show up here too). */
const pageErrors: string[] = [];

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

/** Opens `path` (below the server) in a fresh browser profile and waits until the view has loaded and settled. */
async function openPage(path: string, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) await route.continue();
    else {
      foreignRequests.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${server.origin}${path}`);
  await waitUntilIdle(page);
  return page;
}

async function waitUntilIdle(page: Page, afterRevision = 0): Promise<void> {
  await page.waitForFunction(
    (revision) => {
      const state = window.explorer?.snapshot();
      return state !== undefined && !state.busy && state.revision > revision && document.getElementById('graph')?.dataset['layout'] !== 'running';
    },
    afterRevision,
    { timeout: 30_000 },
  );
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => window.explorer!.snapshot());
}

/** Does something on the page and waits until the view it leads to has loaded and settled. */
async function settle(page: Page, action: () => Promise<unknown>): Promise<Snapshot> {
  const before = (await snapshot(page)).revision;
  await action();
  await waitUntilIdle(page, before);
  return snapshot(page);
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

interface ApiNode { key: string; name: string; type: string; dateFrom: string | null; dateTo: string | null }
interface ApiEdge { id: string; type: string; validFrom: string | null; validTo: string | null }

async function neighborhood(key: string): Promise<{ nodes: ApiNode[]; edges: ApiEdge[] }> {
  const data = await gql<{ neighborhood: { nodes: ApiNode[]; edges: ApiEdge[] } }>(
    `query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { nodes { key name type dateFrom dateTo } edges { id type validFrom validTo } } }`,
    { id: key },
  );
  return data.neighborhood;
}

const keysOf = (snap: Snapshot, only: (n: Snapshot['graph']['nodes'][number]) => boolean = () => true): string[] =>
  snap.graph.nodes.filter(only).map((n) => n.key).sort();
const visibleKeys = (snap: Snapshot): string[] => keysOf(snap, (n) => n.visible);

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Pairs of drawn labels (entities' names, path edges' types) that overlap: there must be none. */
function overlappingLabels(snap: Snapshot): string[] {
  const labels = [
    ...snap.graph.nodes.filter((n) => n.labelBox !== null).map((n) => ({ id: n.key, box: n.labelBox! })),
    ...snap.graph.edges.filter((e) => e.labelBox !== null && e.labelBox.x2 > e.labelBox.x1).map((e) => ({ id: e.id, box: e.labelBox! })),
  ];
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i]!.box, labels[j]!.box)) pairs.push(`${labels[i]!.id} × ${labels[j]!.id}`);
  }
  return pairs;
}

/** Clicks an entity where the graph draws it. */
async function clickNode(page: Page, key: string): Promise<Snapshot> {
  const node = (await snapshot(page)).graph.nodes.find((n) => n.key === key && n.visible);
  expect(node, `${key} is drawn`).toBeDefined();
  return settle(page, () => page.mouse.click(node!.position.x, node!.position.y));
}

describe('the graph explorer in Chromium', () => {
  it('serves the page, its script and stylesheet from /explore with their content types', async () => {
    const page = await fetch(`${server.origin}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await page.text();
    for (const asset of ['/explore/explorer.js', '/explore/explorer.css']) {
      expect(html).toContain(asset);
      const response = await fetch(`${server.origin}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
    // The bundle contains the renderer: nothing is loaded from a CDN.
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('finds an entity by an alias from the keyboard and opens it with its neighbourhood', async () => {
    const page = await openPage('/explore');
    expect(await page.isVisible('#empty-hint')).toBe(true);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('RDIF');
    const option = page.locator('#search-results [role="option"]').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Russian Direct Investment Fund');
    expect(await option.textContent()).toContain('also “RDIF”'); // the alias that matched
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe('search-option-0');
    const snap = await settle(page, () => page.keyboard.press('Enter'));

    expect(snap.state.focus).toBe('rdif');
    expect(snap.state.expand).toEqual(['rdif']);
    expect(new URL(page.url()).search).toBe('?focus=rdif&expand=rdif');
    expect(await page.textContent('#details-title')).toBe('Russian Direct Investment Fund');
    expect(await page.textContent('#details')).toContain('RDIF'); // aliases
    const expected = await neighborhood('rdif');
    expect(visibleKeys(snap)).toEqual(expected.nodes.map((n) => n.key).sort());
    expect(snap.graph.edges.map((e) => e.id).sort()).toEqual(expected.edges.map((e) => e.id).sort());
    expect(snap.graph.nodes.find((n) => n.key === 'rdif')?.classes).toEqual(expect.arrayContaining(['focus', 'expanded']));
    expect(await page.isHidden('#empty-hint')).toBe(true);
    expect(overlappingLabels(snap)).toEqual([]);
  });

  it('shows a clicked entity’s details and expands its neighbourhood step by step', async () => {
    const page = await openPage('/explore?focus=rdif&expand=rdif');
    let snap = await clickNode(page, 'russia');
    expect(snap.state.focus).toBe('russia');
    expect(snap.graph.nodes.find((n) => n.key === 'russia')?.selected).toBe(true);
    expect(await page.textContent('#details-title')).toBe('Russia');
    expect(await page.textContent('#details .kicker')).toContain('Country');

    snap = await settle(page, () => page.click('#expand-button'));
    expect(snap.state.expand).toEqual(['rdif', 'russia']);
    expect(new URL(page.url()).searchParams.get('expand')).toBe('rdif,russia');
    const [rdif, russia] = await Promise.all([neighborhood('rdif'), neighborhood('russia')]);
    const union = [...new Set([...rdif.nodes, ...russia.nodes].map((n) => n.key))].sort();
    expect(keysOf(snap)).toEqual(union);
    expect(snap.graph.nodes.length).toBeGreaterThan(rdif.nodes.length);
    expect(snap.graph.nodes.find((n) => n.key === 'russia')?.classes).toContain('expanded');
    // The connections list walks the graph by keyboard: each is a button.
    expect(await page.locator('#details .connections button.node-link').count()).toBeGreaterThan(5);
    expect(overlappingLabels(snap)).toEqual([]);

    // One step further, from the connections list this time.
    const japan = page.locator('#details .connections button.node-link[data-key="japan"]').first();
    snap = await settle(page, () => japan.click());
    expect(snap.state.focus).toBe('japan');
    snap = await settle(page, () => page.click('#expand-button'));
    expect(snap.state.expand).toEqual(['rdif', 'russia', 'japan']);
    expect(overlappingLabels(snap)).toEqual([]);
  });

  it('filters by a date range on the year slider, and by entity type', async () => {
    const page = await openPage('/explore?focus=russia&expand=russia');
    const before = await snapshot(page);
    expect(await page.getAttribute('#year-from', 'min')).toMatch(/^1[0-9]{3}$/);
    expect(await page.getAttribute('#year-to', 'max')).toMatch(/^20[0-9]{2}$/);

    await settle(page, () => page.fill('#year-from', '2016'));
    const snap = await settle(page, () => page.fill('#year-to', '2016'));
    expect(snap.state.from).toBe(2016);
    expect(snap.state.to).toBe(2016);
    const search = new URL(page.url()).searchParams;
    expect([search.get('from'), search.get('to')]).toEqual(['2016', '2016']);
    expect(await page.textContent('#year-from-value')).toBe('2016');

    const { nodes, edges } = await neighborhood('russia');
    const overlaps2016 = (from: string | null, to: string | null): boolean =>
      (from === null || Number(from.slice(0, 4)) <= 2016) && (to === null || Number(to.slice(0, 4)) >= 2016);
    const shown = new Set(visibleKeys(snap));
    const hidden = nodes.filter((n) => !shown.has(n.key));
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.size).toBeLessThan(before.graph.nodes.filter((n) => n.visible).length);
    for (const node of nodes.filter((n) => shown.has(n.key))) expect(overlaps2016(node.dateFrom, node.dateTo), node.key).toBe(true);
    for (const node of hidden.filter((n) => n.dateFrom !== null)) {
      if (!overlaps2016(node.dateFrom, node.dateTo)) continue;
      // A node of 2016 is hidden only if all its relationships are outside the window.
      expect(snap.graph.edges.some((e) => e.visible && (e.source === node.key || e.target === node.key)), node.key).toBe(false);
    }
    for (const edge of edges) {
      const drawn = snap.graph.edges.find((e) => e.id === edge.id);
      if (drawn?.visible) expect(overlaps2016(edge.validFrom, edge.validTo), edge.id).toBe(true);
    }

    // Entity types: the legend's checkboxes.
    expect(await page.locator('#legend input[type="checkbox"]').count()).toBe(15);
    const withoutEvents = await settle(page, () => page.uncheck('#type-Event'));
    expect(withoutEvents.graph.nodes.filter((n) => n.visible && n.type === 'Event')).toEqual([]);
    expect(new URL(page.url()).searchParams.get('types')?.split(',')).not.toContain('Event');
    expect(overlappingLabels(withoutEvents)).toEqual([]);
  });

  it('finds the shortest paths between two chosen entities and highlights their hops', async () => {
    const page = await openPage('/explore');
    await page.fill('#path-from', 'Mitsui');
    await page.locator('#path-from-results [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.fill('#path-to', 'RDIF');
    await page.locator('#path-to-results [role="option"]').first().waitFor();
    const snap = await settle(page, () => page.keyboard.press('Enter')); // both ends chosen: it asks at once

    expect(snap.state.path).toEqual(['mitsui', 'rdif']);
    expect(new URL(page.url()).searchParams.get('path')).toBe('mitsui,rdif');
    const { paths } = await gql<{ paths: { nodes: { key: string; name: string }[]; hops: { from: { name: string }; to: { name: string }; relationship: { id: string; type: string } }[] }[] }>(
      `{ paths(from: "mitsui", to: "rdif", maxHops: 6, limit: 5) { nodes { key name } hops { from { name } to { name } relationship { id type } } } }`,
    );
    expect(paths.length).toBeGreaterThan(0);
    const hopIds = [...new Set(paths.flatMap((p) => p.hops.map((h) => h.relationship.id)))].sort();
    const pathKeys = [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.key)))].sort();
    expect(snap.graph.edges.filter((e) => e.classes.includes('path')).map((e) => e.id).sort()).toEqual(hopIds);
    expect(keysOf(snap, (n) => n.classes.includes('path'))).toEqual(pathKeys);
    for (const edge of snap.graph.edges) {
      expect(edge.visible || !edge.classes.includes('path'), edge.id).toBe(true);
      if (!edge.classes.includes('path')) expect(edge.classes, edge.id).toContain('faded');
    }
    // The panel lists every hop, in walking order.
    expect(await page.textContent('#path-summary')).toContain(`${paths.length} shortest path`);
    const listed = await page.locator('#path-results .paths > li').first().locator('.hop').allTextContents();
    expect(listed).toHaveLength(paths[0]!.hops.length);
    paths[0]!.hops.forEach((hop, i) => {
      expect(listed[i]).toContain(hop.from.name);
      expect(listed[i]).toContain(hop.relationship.type);
      expect(listed[i]).toContain(hop.to.name);
    });
    expect(overlappingLabels(snap)).toEqual([]);
  });

  it('opens a relationship’s dates and citations (title, authors, line range) when its edge is clicked', async () => {
    const page = await openPage('/explore?expand=mitsui,rdif&path=mitsui,rdif');
    const before = await snapshot(page);
    // Click the highlighted hop drawn farthest from any entity, so the click cannot land on one.
    const distanceToNodes = (p: { x: number; y: number }): number =>
      Math.min(...before.graph.nodes.filter((n) => n.visible).map((n) => Math.hypot(n.position.x - p.x, n.position.y - p.y)));
    const target = before.graph.edges
      .filter((e) => e.classes.includes('path') && e.midpoint !== null)
      .sort((a, b) => distanceToNodes(b.midpoint!) - distanceToNodes(a.midpoint!))[0];
    expect(target).toBeDefined();
    const snap = await settle(page, () => page.mouse.click(target!.midpoint!.x, target!.midpoint!.y));
    expect(snap.state.edge).toBe(target!.id);
    expect(new URL(page.url()).searchParams.get('edge')).toBe(target!.id);
    expect(snap.graph.edges.find((e) => e.id === target!.id)?.selected).toBe(true);

    interface ApiCitation { document: string; startLine: number; endLine: number; source: { title: string; authors: string[] | null } }
    const { paths } = await gql<{ paths: { hops: { relationship: { id: string; type: string; validFrom: string | null; citations: ApiCitation[] } }[] }[] }>(
      `{ paths(from: "mitsui", to: "rdif", maxHops: 6, limit: 5) { hops { relationship { id type validFrom citations { document startLine endLine source { title authors } } } } } }`,
    );
    const relationship = paths.flatMap((p) => p.hops.map((h) => h.relationship)).find((r) => r.id === target!.id)!;
    expect(relationship.citations.length).toBeGreaterThan(0);
    expect(await page.textContent('#details-title')).toBe(relationship.type);
    expect(await page.textContent('#edge-dates')).toEqual(relationship.validFrom === null ? 'undated' : expect.stringContaining(relationship.validFrom.slice(0, 4)));
    const citations = page.locator('#details .citation');
    expect(await citations.count()).toBe(relationship.citations.length);
    for (const [i, citation] of relationship.citations.entries()) {
      const item = citations.nth(i);
      expect(await item.locator('.citation-title').textContent()).toBe(citation.source.title);
      for (const author of citation.source.authors ?? []) expect(await item.textContent()).toContain(author);
      const lines = citation.startLine === citation.endLine ? `line ${citation.startLine}` : `lines ${citation.startLine}–${citation.endLine}`;
      expect(await item.locator('.citation-lines').textContent()).toBe(lines);
      expect(await item.locator('.citation-document').textContent()).toBe(citation.document);
    }

    const screenshot = process.env['EXPLORER_SCREENSHOT'];
    if (screenshot) await page.screenshot({ path: resolve(PROJECT_ROOT, screenshot) });
  });

  it('restores the same view from a shared URL', async () => {
    const page = await openPage('/explore?focus=rdif&expand=rdif');
    await clickNode(page, 'russia');
    await settle(page, () => page.click('#expand-button'));
    await settle(page, () => page.fill('#year-from', '2010'));
    await settle(page, () => page.uncheck('#type-Observation'));
    await page.fill('#path-from', 'Mitsui');
    await page.locator('#path-from-results [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.fill('#path-to', 'Shinzo Abe');
    await page.locator('#path-to-results [role="option"]').first().waitFor();
    await settle(page, () => page.keyboard.press('Enter'));
    const edge = page.locator('#path-results .hop').first();
    const original = await settle(page, () => edge.click());
    expect(original.state.edge).not.toBeNull();

    const shared = page.url();
    const again = await openPage(new URL(shared).pathname + new URL(shared).search);
    const restored = await snapshot(again);
    expect(restored.state).toEqual(original.state);
    const summary = (snap: Snapshot): unknown => ({
      nodes: snap.graph.nodes.map((n) => ({ key: n.key, visible: n.visible, selected: n.selected, classes: n.classes.filter((c) => c !== 'label-hidden').sort() })).sort((a, b) => a.key.localeCompare(b.key)),
      edges: snap.graph.edges.map((e) => ({ id: e.id, visible: e.visible, selected: e.selected, classes: e.classes.filter((c) => c !== 'label-hidden').sort() })).sort((a, b) => a.id.localeCompare(b.id)),
    });
    expect(summary(restored)).toEqual(summary(original));
    for (const selector of ['#details', '#path-results', '#year-from-value', '#year-to-value']) {
      expect(await again.textContent(selector), selector).toBe(await page.textContent(selector));
    }
    expect(await again.isChecked('#type-Observation')).toBe(false);
    expect(await again.inputValue('#path-from')).toBe('Mitsui');
    // A reloaded link lays out the same way every time (the layout's randomness is seeded by the graph).
    const third = await openPage(new URL(shared).pathname + new URL(shared).search);
    const positions = (snap: Snapshot): unknown => snap.graph.nodes.map((n) => [n.key, Math.round(n.position.x), Math.round(n.position.y)]).sort();
    expect(positions(await snapshot(third))).toEqual(positions(restored));
  });

  it('exports the current view as PNG and GraphML', async () => {
    const page = await openPage('/explore?focus=rdif&expand=rdif');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png-button')]);
    expect(png.suggestedFilename()).toBe('russia-japan-graph-rdif.png');
    const image = await readFile(await png.path());
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('#graphml-button')]);
    expect(graphml.suggestedFilename()).toBe('russia-japan-graph-rdif.graphml');
    const xml = await readFile(await graphml.path(), 'utf8');
    const snap = await snapshot(page);
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect([...xml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(visibleKeys(snap));
    expect([...xml.matchAll(/<edge id="([^"]+)"/g)].length).toBe(snap.graph.edges.filter((e) => e.visible).length);
  });

  it('fits a laptop screen: no horizontal scrolling, a large graph area, a legend, non-overlapping labels', async () => {
    for (const viewport of [LAPTOP, { width: 1280, height: 720 }]) {
      const page = await openPage('/explore?focus=japan&expand=japan,russia', viewport);
      const layout = await page.evaluate(() => {
        const graph = document.getElementById('graph')!.getBoundingClientRect();
        const toolbar = [...document.querySelectorAll('.toolbar button')].map((b) => b.getBoundingClientRect().right);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          graph: { width: graph.width, height: graph.height },
          toolbarRight: Math.max(...toolbar),
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.toolbarRight).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.graph.width).toBeGreaterThanOrEqual(600);
      expect(layout.graph.height).toBeGreaterThanOrEqual(600);
      const snap = await snapshot(page);
      expect(snap.graph.nodes.filter((n) => n.visible).length).toBeGreaterThan(50);
      expect(overlappingLabels(snap)).toEqual([]);
      // Most names stay readable; the rest show on hover and selection.
      expect(snap.graph.nodes.filter((n) => n.labelShown).length).toBeGreaterThan(snap.graph.nodes.filter((n) => n.visible).length / 3);
      expect(await page.locator('#legend svg.swatch').count()).toBe(15);
    }
  });

  it('made no request outside our server and logged no errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

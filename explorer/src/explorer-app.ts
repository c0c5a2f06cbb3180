/**
 * The controller: the view state (mirrored in the URL) is the single source
 * of truth; every action computes the next state and `apply` loads what it
 * needs, redraws, and records it in the address bar, so any view can be
 * shared by its URL and restored by loading it.
 */
import {
  ApiError,
  LARGE_NEIGHBORHOOD_LIMIT,
  fetchEntity,
  fetchNeighborhood,
  fetchNetwork,
  fetchPaths,
  fetchQuotes,
  fetchRetracted,
  fetchStart,
  quoteKey,
  sourcesOf,
  type EntityDetails,
  type EntitySummary,
  type NeighborhoodOptions,
  type PathView,
  type RelationshipView,
  type Subgraph,
} from './api.js';
import { renderEntity, renderRelationship, renderWelcome, type Connection, type DetailsHandlers } from './details-panel.js';
import { evidenceByDocument } from './citation-text.js';
import { byId, h, keepFocus, replaceChildren } from './dom.js';
import { FiltersPanel } from './filters-panel.js';
import { hiddenTies, mergeSubgraphs, neighboursLeftOut, pathElements, pathsSubgraph } from './graph-data.js';
import { GraphView, type ViewSnapshot } from './graph-view.js';
import { toGEXF, toGraphML } from './graphml.js';
import { PathPanel, type PathResults } from './path-panel.js';
import { typesOfClass } from '../../src/model/layers.js';
import { arrowDirection, neighbourInDirection } from './keyboard-nav.js';
import { relativeScores } from './node-metrics.js';
import { createSearchBox } from './search-box.js';
import { svgToPng, viewSvg, type ImageMeta } from './view-image.js';
import { EMPTY_VIEW, formatViewState, parseMore, parseViewState, type ViewState } from './view-state.js';
import { visibleElements, type Filters, type Visible } from './visibility.js';

type HistoryMode = 'push' | 'replace' | 'none';

/** Tie kinds that say little (RELATED_TO, BASED_IN ...), as the model classes them: what "avoid generic ties" leaves out of routes. */
const GENERIC_TYPES: readonly string[] = typesOfClass('generic');
/** The hub penalty's factor when hubs are avoided: four times the API's default (0.5). */
export const STRONG_HUB_COST = 2;

/** What `window.explorer` offers tests and the curious. */
export interface ExplorerHandle {
  /** The view state, a revision counter (bumped when an update finishes) and what is drawn. */
  snapshot(): { state: ViewState; revision: number; busy: boolean; graph: ViewSnapshot; timings: Record<string, number> };
}

export class Explorer {
  private state: ViewState = EMPTY_VIEW;
  private graph: Subgraph = { nodes: [], edges: [] };
  private visible: Visible = { nodes: new Set(), edges: new Set() };
  private pathResults: PathResults = { kind: 'none' };
  private bounds: { min: number; max: number } | null = null;
  private generation = 0;
  private revision = 0;
  private busy = false;
  /** How long the last redraw's steps took (ms), from the data's arrival to a settled picture. */
  private timings: Record<string, number> = {};
  private readonly neighborhoods = new Map<string, Promise<Subgraph>>();
  private readonly paths = new Map<string, Promise<PathView[]>>();
  private readonly entities = new Map<string, Promise<EntityDetails | null>>();
  private readonly quotes = new Map<string, Promise<Map<string, string>>>();
  private readonly retracted = new Map<string, Promise<Subgraph>>();
  private readonly view: GraphView;
  private readonly filters: FiltersPanel;
  private readonly pathPanel: PathPanel;
  private readonly details = byId('details');
  private readonly status = byId('status');
  private readonly emptyHint = byId('empty-hint');
  private readonly canvas = byId('graph');
  private readonly detailHandlers: DetailsHandlers;

  constructor() {
    const search = createSearchBox({
      id: 'search',
      label: 'Search entities by name or alias (press / to focus)',
      placeholder: 'Search a person, country, company, island… ( / )',
      hideLabel: true,
      onPick: (hit) => { this.open(hit.entity.key); },
      onError: (error) => { this.report(error); },
    });
    byId('search-slot').append(search.element);
    this.view = new GraphView(this.canvas, {
      onNodeTap: (key) => { this.navigate({ ...this.state, focus: key, edge: null }, 'replace'); },
      onNodeDoubleTap: (key) => { this.expand(key); },
      onEdgeTap: (id) => { this.navigate({ ...this.state, edge: id }, 'replace'); },
    });
    this.filters = new FiltersPanel(byId('filters-panel'), {
      setTypes: (types) => { this.navigate({ ...this.state, types }, 'replace'); },
      setRels: (rels) => { this.navigate({ ...this.state, rels }, 'replace'); },
      setYears: (from, to) => { this.navigate({ ...this.state, from, to }, 'replace'); },
      setUndated: (undated) => { this.navigate({ ...this.state, undated }, 'replace'); },
      setLayers: (layers) => { this.navigate({ ...this.state, layers, edge: null }, 'push'); },
      setSize: (size) => { this.navigate({ ...this.state, size }, 'replace'); },
      setOrigins: (origins) => { this.navigate({ ...this.state, origins, edge: null }, 'replace'); },
    });
    this.pathPanel = new PathPanel(byId('path-panel'), {
      find: (from, to) => { this.navigate({ ...this.state, path: [from, to], edge: null }, 'push'); },
      clear: () => {
        this.pathPanel.reset();
        this.navigate({ ...this.state, path: null }, 'push');
      },
      selectEdge: (id) => { this.navigate({ ...this.state, edge: id }, 'replace'); },
      showPath: (index) => { this.showPath(index); },
      setAvoid: (avoidGeneric, avoidHubs) => { this.navigate({ ...this.state, avoidGeneric, avoidHubs, edge: null }, 'push'); },
      onError: (error) => { this.report(error); },
    });
    this.detailHandlers = {
      selectNode: (key) => { this.navigate({ ...this.state, focus: key, edge: null }, 'replace'); },
      selectEdge: (id) => { this.navigate({ ...this.state, edge: id }, 'replace'); },
      expand: (key) => { this.expand(key); },
      expandDeep: (key) => { this.expandDeep(key); },
      showMore: (key, type) => {
        const entry = `${key}.${type}`;
        if (!this.state.more.includes(entry)) this.navigate({ ...this.state, focus: key, edge: null, more: [...this.state.more, entry] }, 'push');
      },
      hide: (key) => { this.hide(key); },
      unhideAll: () => { this.navigate({ ...this.state, hide: [] }, 'push'); },
      collapse: (key) => {
        this.navigate(
          {
            ...this.state,
            expand: this.state.expand.filter((k) => k !== key),
            deep: this.state.deep.filter((k) => k !== key),
            more: this.state.more.filter((m) => parseMore(m)?.key !== key),
          },
          'push',
        );
      },
      setPathEnd: (end, entity) => { this.pathPanel.setEnd(end, entity); },
    };
    this.wireToolbar();
    this.wireKeyboard(search.input);
    window.addEventListener('popstate', () => { void this.apply(parseViewState(location.search), 'none'); });
  }

  /** Loads the year range and the view in the URL. */
  async start(): Promise<void> {
    const bounds = fetchStart().catch((error: unknown) => {
      this.report(error);
      return null;
    });
    this.bounds = await bounds;
    this.filters.setBounds(this.bounds);
    await this.apply(parseViewState(location.search), 'none');
  }

  /** For tests: see ExplorerHandle. */
  handle(): ExplorerHandle {
    return { snapshot: () => ({ state: this.state, revision: this.revision, busy: this.busy, graph: this.view.snapshot(), timings: { ...this.timings } }) };
  }

  private open(key: string): void {
    const expand = this.state.expand.includes(key) ? this.state.expand : [...this.state.expand, key];
    this.navigate({ ...this.state, focus: key, edge: null, expand }, 'push');
  }

  private expand(key: string): void {
    if (this.state.expand.includes(key)) return;
    this.navigate({ ...this.state, focus: key, edge: null, expand: [...this.state.expand, key] }, 'push');
  }

  /** The actor map two steps around an entity, in one request (context and evidence fold into the ties). */
  private expandDeep(key: string): void {
    if (this.state.deep.includes(key)) return;
    this.navigate({ ...this.state, focus: key, edge: null, deep: [...this.state.deep, key], layers: ['ACTORS'] }, 'push');
  }

  /** Takes an entity off the graph (and what was expanded from it); "Show hidden" brings it back. */
  private hide(key: string): void {
    const state = this.state;
    this.navigate(
      {
        ...state,
        focus: state.focus === key ? null : state.focus,
        edge: null,
        expand: state.expand.filter((k) => k !== key),
        deep: state.deep.filter((k) => k !== key),
        more: state.more.filter((m) => parseMore(m)?.key !== key),
        hide: state.hide.includes(key) ? state.hide : [...state.hide, key],
      },
      'push',
    );
    this.say(`${this.entityIndex().get(key)?.name ?? key} hidden. “Show hidden” in the details brings it back.`);
  }

  private navigate(next: ViewState, history: HistoryMode): void {
    void this.apply(next, history);
  }

  /** Makes the page show `next`: loads what is missing, redraws, lays out new entities, updates the panels. */
  private async apply(next: ViewState, history: HistoryMode): Promise<void> {
    const generation = ++this.generation;
    const previous = this.state;
    this.state = next;
    this.setBusy(true);
    this.writeUrl(history);
    this.clearError();
    try {
      const parts = await Promise.all([
        ...next.expand.map((key) => this.neighborhood(key, { layers: next.layers })),
        ...next.deep.map((key) => this.network(key, next.layers)),
        ...next.more.flatMap((entry) => {
          const more = parseMore(entry);
          return more ? [this.neighborhood(more.key, { types: [more.type], limit: LARGE_NEIGHBORHOOD_LIMIT, layers: next.layers })] : [];
        }),
      ]);
      let paths: PathView[] = [];
      if (next.path !== null) {
        if (previous.path?.join() !== next.path.join() || this.pathResults.kind !== 'paths') this.pathResults = { kind: 'loading' };
        this.pathPanel.update(next.path, this.entityIndex(), this.pathResults, { generic: next.avoidGeneric, hubs: next.avoidHubs });
        try {
          paths = await this.pathsFor(next.path, next);
          this.pathResults = { kind: 'paths', paths, filtered: next.rels !== null || next.avoidGeneric || next.avoidHubs };
        } catch (error) {
          this.pathResults = { kind: 'error', message: message(error) };
        }
      } else this.pathResults = { kind: 'none' };
      let lone: Subgraph = { nodes: [], edges: [] };
      if (next.focus !== null && !parts.some((p) => p.nodes.some((n) => n.key === next.focus)) && !paths.some((p) => p.nodes.some((n) => n.key === next.focus))) {
        const entity = await this.entity(next.focus);
        if (entity) lone = { nodes: [entity], edges: [] };
        else this.say(`No entity has the key “${next.focus}”.`);
      }
      // Retracted facts are read apart, for review, only when the filter asks for them.
      const retracted = next.origins.includes('retracted') ? await this.retractedAt([...parts, pathsSubgraph(paths), lone]) : { nodes: [], edges: [] };
      if (generation !== this.generation) return;

      const before = this.graph.nodes.length;
      const t0 = performance.now();
      this.graph = mergeSubgraphs([...parts, pathsSubgraph(paths), lone, retracted]);
      const { added, removed } = this.view.setGraph(this.graph);
      const t1 = performance.now();
      const onPath = pathElements(paths);
      this.decorate(onPath);
      const t2 = performance.now();
      this.emptyHint.hidden = this.graph.nodes.length > 0;
      const detailsShown = this.renderPanels();
      const t3 = performance.now();
      const fitTo = onPath.nodes.size > 0 ? [...onPath.nodes, ...onPath.edges] : [];
      if (added > 0 || removed > 0) await this.view.layout(before === 0 || before === removed, fitTo, next.focus);
      else if (previous.path?.join() !== next.path?.join() && fitTo.length > 0) this.view.fit(fitTo, next.focus);
      const t4 = performance.now();
      await detailsShown;
      if (generation !== this.generation) return;
      this.view.placeLabels();
      this.timings = { draw: t1 - t0, decorate: t2 - t1, panels: t3 - t2, layout: t4 - t3, total: performance.now() - t0 };
      if (paths.length > 0 && previous.path?.join() !== next.path?.join()) {
        this.say(`${paths.length} best ${paths.length === 1 ? 'route' : 'routes'} highlighted; the cheapest has ${paths[0]?.hops.length ?? 0} hops.`);
      }
    } catch (error) {
      if (generation === this.generation) this.report(error);
    } finally {
      if (generation === this.generation) {
        this.revision++;
        this.setBusy(false);
      }
    }
  }

  private decorate(onPath: { nodes: Set<string>; edges: Set<string> }): void {
    const state = this.state;
    const filters: Filters = {
      types: state.types === null ? null : new Set(state.types),
      rels: state.rels === null ? null : new Set(state.rels),
      from: state.from,
      to: state.to,
      undated: state.undated,
      hidden: new Set(state.hide),
      origins: new Set(state.origins),
    };
    const anchors = new Set([...state.expand, ...state.deep]);
    if (state.focus !== null) anchors.add(state.focus);
    this.visible = visibleElements(this.graph, filters, anchors, onPath);
    const more = new Map<string, number>();
    for (const key of anchors) {
      const left = neighboursLeftOut(this.graph, key);
      if (left > 0) more.set(key, left);
    }
    this.view.decorate(this.visible, {
      focus: state.focus,
      edge: state.edge !== null && this.visible.edges.has(state.edge) ? state.edge : null,
      expanded: new Set([...state.expand, ...state.deep]),
      pathNodes: onPath.nodes,
      pathEdges: onPath.edges,
      more,
      sizes: relativeScores([...this.visible.nodes], this.graph.edges.filter((e) => this.visible.edges.has(e.id)), state.size),
    });
  }

  /** Updates the filters, path and details panels; resolves once the details have loaded. */
  private renderPanels(): Promise<void> {
    const state = this.state;
    // Counts follow the filters: what is shown, of what is loaded.
    const types = new Map<string, { shown: number; loaded: number }>();
    for (const node of this.graph.nodes) {
      const count = types.get(node.type) ?? { shown: 0, loaded: 0 };
      count.loaded++;
      if (this.visible.nodes.has(node.key)) count.shown++;
      types.set(node.type, count);
    }
    const rels = new Map<string, { shown: number; loaded: number }>();
    for (const edge of this.graph.edges) {
      const count = rels.get(edge.type) ?? { shown: 0, loaded: 0 };
      count.loaded++;
      if (this.visible.edges.has(edge.id)) count.shown++;
      rels.set(edge.type, count);
    }
    this.filters.update(state, { types, rels }, this.datedYears());
    this.pathPanel.update(state.path, this.entityIndex(), this.pathResults, { generic: state.avoidGeneric, hubs: state.avoidHubs });
    return this.renderDetails();
  }

  private async renderDetails(): Promise<void> {
    const state = this.state;
    const index = this.entityIndex();
    const edge = state.edge !== null ? this.graph.edges.find((e) => e.id === state.edge) : undefined;
    if (edge) {
      const [from, to] = [index.get(edge.from), index.get(edge.to)];
      if (from && to) {
        // A merged line stands for all its parallel ties: show them together.
        const line = this.view.lineOf(edge.id);
        const members = line !== null ? this.view.membersOf(line) : [edge.id];
        const ties = this.graph.edges.filter((e) => members.includes(e.id) && (e.id === edge.id || this.visible.edges.has(e.id)));
        keepFocus(this.details, () => { renderRelationship(this.details, ties, from, to, this.detailHandlers); });
        // The quoted lines come with the selection: one request for the tie's cited ranges.
        const ranges = evidenceByDocument(ties.flatMap((t) => t.citations)).flatMap((d) => d.ranges.filter((r) => r.quote === null).map((r) => ({ document: d.document, ...r })));
        if (ranges.length === 0) return;
        const generation = this.generation;
        try {
          const quotes = await cached(this.quotes, JSON.stringify(ranges.map(quoteKey)), () => fetchQuotes(ranges));
          if (generation === this.generation) keepFocus(this.details, () => { renderRelationship(this.details, ties, from, to, this.detailHandlers, quotes); });
        } catch (error) {
          this.report(error);
        }
        return;
      }
    }
    const summary = state.focus !== null ? index.get(state.focus) : undefined;
    if (!summary) {
      keepFocus(this.details, () => { renderWelcome(this.details, state.hide.length, this.detailHandlers); });
      return;
    }
    const context = {
      expanded: state.expand.includes(summary.key),
      deep: state.deep.includes(summary.key),
      connections: this.connections(summary.key, index),
      left: hiddenTies(this.graph, summary.key),
      hiddenCount: state.hide.length,
    };
    const generation = this.generation;
    keepFocus(this.details, () => { renderEntity(this.details, summary, null, context, this.detailHandlers); });
    try {
      const details = await this.entity(summary.key);
      if (generation === this.generation && details) keepFocus(this.details, () => { renderEntity(this.details, summary, details, context, this.detailHandlers); });
    } catch (error) {
      this.report(error);
    }
  }

  /** Years in which something loaded starts or ends: the stops of the time playback. */
  private datedYears(): number[] {
    const years = new Set<number>();
    const add = (date: string | null): void => {
      if (date !== null) years.add(Number(date.slice(0, 4)));
    };
    for (const node of this.graph.nodes) {
      add(node.dateFrom);
      add(node.dateTo);
    }
    for (const edge of this.graph.edges) {
      add(edge.validFrom);
      add(edge.validTo);
    }
    return [...years].sort((a, b) => a - b);
  }

  /** The shown relationships of one entity, by type and then the other end's name. */
  private connections(key: string, index: ReadonlyMap<string, EntitySummary>): Connection[] {
    const connections: Connection[] = [];
    for (const edge of this.graph.edges) {
      if (!this.visible.edges.has(edge.id) || (edge.from !== key && edge.to !== key)) continue;
      const outgoing = edge.from === key;
      const other = index.get(outgoing ? edge.to : edge.from);
      if (other) connections.push({ edge, other, outgoing });
    }
    return connections.sort((a, b) => a.edge.type.localeCompare(b.edge.type) || a.other.name.localeCompare(b.other.name));
  }

  private showPath(index: number): void {
    if (this.pathResults.kind !== 'paths') return;
    const path = this.pathResults.paths[index];
    if (!path) return;
    this.view.fit([...path.nodes.map((n) => n.key), ...path.hops.map((hop) => hop.relationship.id)]);
    const cy = this.view.cy;
    cy.elements().removeClass('hover');
    for (const hop of path.hops) cy.getElementById(hop.relationship.id).flashClass('hover', 1500);
  }

  private entityIndex(): Map<string, EntitySummary> {
    return new Map(this.graph.nodes.map((n) => [n.key, n]));
  }

  private neighborhood(key: string, options: NeighborhoodOptions): Promise<Subgraph> {
    return cached(this.neighborhoods, `${key}|1|${options.types?.join(',') ?? '*'}|${options.layers.join(',')}`, () => fetchNeighborhood(key, options));
  }

  private network(key: string, layers: readonly string[]): Promise<Subgraph> {
    return cached(this.neighborhoods, `${key}|2|*|${layers.join(',')}`, () => fetchNetwork(key, 2, layers));
  }

  /** The retracted facts at the entities of some loaded parts (cached per set of keys). */
  private retractedAt(parts: readonly Subgraph[]): Promise<Subgraph> {
    const keys = [...new Set(parts.flatMap((p) => p.nodes.map((n) => n.key)))].sort();
    if (keys.length === 0) return Promise.resolve({ nodes: [], edges: [] });
    return cached(this.retracted, keys.join(','), () => fetchRetracted(keys));
  }

  private pathsFor(path: readonly [string, string], state: ViewState): Promise<PathView[]> {
    const options = {
      relationshipTypes: state.rels,
      avoidTypes: state.avoidGeneric ? GENERIC_TYPES : [],
      hubCost: state.avoidHubs ? STRONG_HUB_COST : null,
      layers: state.layers,
    };
    return cached(this.paths, JSON.stringify([path, options]), () => fetchPaths(path[0], path[1], options));
  }

  private entity(key: string): Promise<EntityDetails | null> {
    return cached(this.entities, key, () => fetchEntity(key));
  }

  private writeUrl(history: HistoryMode): void {
    if (history === 'none') return;
    const url = `${location.pathname}${formatViewState(this.state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  private wireToolbar(): void {
    byId('fit-button').addEventListener('click', () => { this.view.fit([], null, 0); });
    byId('layout-button').addEventListener('click', () => { void this.view.layout(true, [], this.state.focus).then(() => { this.view.placeLabels(); }); });
    byId('png-button').addEventListener('click', () => {
      svgToPng(viewSvg(this.view.cy, this.imageMeta())).then(
        (png) => { download(png, `${this.fileStem()}.png`); },
        (error: unknown) => { this.report(error); },
      );
    });
    byId('svg-button').addEventListener('click', () => {
      download(new Blob([viewSvg(this.view.cy, this.imageMeta())], { type: 'image/svg+xml' }), `${this.fileStem()}.svg`);
    });
    byId('graphml-button').addEventListener('click', () => {
      const { nodes, edges } = this.shown();
      download(new Blob([toGraphML(nodes, edges)], { type: 'application/graphml+xml' }), `${this.fileStem()}.graphml`);
    });
    byId('gexf-button').addEventListener('click', () => {
      const { nodes, edges } = this.shown();
      download(new Blob([toGEXF(nodes, edges, `${this.imageMeta().title}. ${location.href}`)], { type: 'application/gexf+xml' }), `${this.fileStem()}.gexf`);
    });
    byId('share-button').addEventListener('click', () => {
      const url = location.href;
      navigator.clipboard.writeText(url).then(
        () => { this.say('Link to this view copied.'); },
        () => { this.say(`Link to this view: ${url}`); },
      );
    });
    byId('clear-button').addEventListener('click', () => {
      this.pathPanel.reset();
      this.navigate({ ...EMPTY_VIEW, types: this.state.types, rels: this.state.rels, from: this.state.from, to: this.state.to }, 'push');
    });
    for (const button of this.emptyHint.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
      button.addEventListener('click', () => {
        this.navigate(parseViewState(button.dataset['view'] ?? ''), 'push');
      });
    }
  }

  private wireKeyboard(search: HTMLInputElement): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    });
    this.canvas.addEventListener('keydown', (event) => {
      if (event.key === '+' || event.key === '=') this.view.zoomBy(1.25);
      else if (event.key === '-') this.view.zoomBy(0.8);
      else if (event.key === '0') this.view.fit([], null, 0);
      else if (event.key === 'Enter' && this.state.focus !== null) this.expand(this.state.focus);
      else if ((event.key === 'Delete' || event.key === 'Backspace') && this.state.focus !== null) this.hide(this.state.focus);
      else if (arrowDirection(event.key) !== null) this.moveSelection(arrowDirection(event.key)!);
      else return;
      event.preventDefault();
    });
  }

  /** Arrow keys: select the neighbour of the opened entity that lies that way (or, with nothing opened, the entity nearest the middle). */
  private moveSelection(direction: NonNullable<ReturnType<typeof arrowDirection>>): void {
    const cy = this.view.cy;
    const shown = cy.nodes().not('.hidden').nodes();
    if (shown.empty()) return;
    const current = this.state.focus !== null ? cy.getElementById(this.state.focus).nodes().first() : null;
    let next: string | null;
    if (current !== null && current.nonempty() && !current.hasClass('hidden')) {
      const neighbours = current.neighborhood().nodes().not('.hidden').nodes().map((n) => ({ key: n.id(), ...n.renderedPosition() }));
      next = neighbourInDirection(current.renderedPosition(), neighbours, direction);
    } else {
      const middle = { x: cy.width() / 2, y: cy.height() / 2 };
      next = shown.map((n) => ({ key: n.id(), d: Math.hypot(n.renderedPosition().x - middle.x, n.renderedPosition().y - middle.y) })).sort((a, b) => a.d - b.d)[0]?.key ?? null;
    }
    if (next === null) {
      this.say(`No connection lies ${direction === 'up' ? 'above' : direction === 'down' ? 'below' : `to the ${direction}`}.`);
      return;
    }
    const node = cy.getElementById(next);
    if (node.renderedBoundingBox({}).x1 < 0 || node.renderedBoundingBox({}).x2 > cy.width() || node.renderedBoundingBox({}).y1 < 0 || node.renderedBoundingBox({}).y2 > cy.height()) {
      cy.center(node);
    }
    this.say(`${this.entityIndex().get(next)?.name ?? next} selected.`);
    this.navigate({ ...this.state, focus: next, edge: null }, 'replace');
  }

  /** What is shown, for the exports. */
  private shown(): { nodes: EntitySummary[]; edges: RelationshipView[] } {
    return { nodes: this.graph.nodes.filter((n) => this.visible.nodes.has(n.key)), edges: this.graph.edges.filter((e) => this.visible.edges.has(e.id)) };
  }

  /** Title, date window and source credits for the picture exports. */
  private imageMeta(): ImageMeta {
    const state = this.state;
    const focus = state.focus !== null ? this.entityIndex().get(state.focus)?.name : undefined;
    const index = this.entityIndex();
    const title =
      state.path !== null
        ? `Russia–Japan relations: routes from ${index.get(state.path[0])?.name ?? state.path[0]} to ${index.get(state.path[1])?.name ?? state.path[1]}`
        : `Russia–Japan relations${focus ? `: around ${focus}` : ''}`;
    const window = state.from === null && state.to === null ? 'All years' : `Years ${state.from ?? this.bounds?.min ?? '…'} – ${state.to ?? this.bounds?.max ?? '…'}`;
    const undated = state.undated === 'hide' && (state.from !== null || state.to !== null) ? ', undated ties left out' : ', undated ties included';
    const credits = sourcesOf(this.shown().edges.flatMap((e) => e.citations)).map(({ document, source }) => {
      const by = source?.authors?.length ? ` — ${source.authors.join(', ')}` : '';
      const publisher = source?.publisher ? ` (${source.publisher})` : '';
      return `${source?.title ?? document}${by}${publisher}, ${document}`;
    });
    return { title, window: `${window}${undated}`, credits };
  }

  private fileStem(): string {
    return `russia-japan-graph${this.state.focus !== null ? `-${this.state.focus}` : ''}`;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    document.documentElement.dataset['explorer'] = busy ? 'busy' : 'idle';
    byId('app').setAttribute('aria-busy', String(busy));
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  private report(error: unknown): void {
    const alert = byId('error');
    replaceChildren(alert, h('strong', {}, 'Something went wrong: '), message(error));
    alert.hidden = false;
  }

  private clearError(): void {
    byId('error').hidden = true;
  }
}

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
}

/** Memoises a load; a failed load is forgotten so that it is retried next time. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    void promise.catch(() => {
      cache.delete(key);
    });
  }
  return promise;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}

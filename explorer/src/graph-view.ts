/**
 * The drawing: a Cytoscape.js instance with the fCoSE layout. It knows
 * nothing about the API or the URL; the controller tells it what the graph
 * is, what is shown and highlighted, and it reports taps back.
 */
import cytoscape, { type Collection, type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Subgraph } from './api.js';
import { graphStylesheet } from './graph-stylesheet.js';
import { placeLabelsOnSides, type Box, type LabelCandidate } from './label-placement.js';
import { withSeededRandom } from './seeded-random.js';
import { groupTies, tieCaption, type TieGroup } from './tie-groups.js';
import type { Visible } from './visibility.js';

cytoscape.use(fcose);

export interface GraphViewHandlers {
  onNodeTap(key: string): void;
  onNodeDoubleTap(key: string): void;
  onEdgeTap(id: string): void;
}

/** What stands out: the opened entity, expanded ones, the paths, the selection. */
export interface Decorations {
  readonly focus: string | null;
  readonly edge: string | null;
  readonly expanded: ReadonlySet<string>;
  readonly pathNodes: ReadonlySet<string>;
  readonly pathEdges: ReadonlySet<string>;
  /** Entities a capped neighbourhood left relationships out of: how many ("+N more" under the name). */
  readonly more: ReadonlyMap<string, number>;
  /** Each entity's size score, 0..1 (see node-metrics.ts). */
  readonly sizes: ReadonlyMap<string, number>;
}

/** What the page shows, for tests and debugging (`window.explorer.snapshot()`); positions in page pixels. */
export interface ViewSnapshot {
  readonly nodes: readonly {
    key: string;
    name: string;
    /** The drawn label: the name, and "+N more" when a capped neighbourhood left some out. */
    label: string;
    type: string;
    visible: boolean;
    classes: string[];
    selected: boolean;
    labelShown: boolean;
    position: { x: number; y: number };
    labelBox: Box | null;
  }[];
  readonly edges: readonly {
    /** The drawn line's id: its first relationship's id. */
    id: string;
    /** The relationships it stands for (parallel ties of one type are drawn once). */
    members: string[];
    /** How many of them are shown under the filters. */
    count: number;
    /** The caption drawn on the line (shortened), and in full (on hover). */
    caption: string;
    fullCaption: string;
    type: string;
    source: string;
    target: string;
    visible: boolean;
    classes: string[];
    selected: boolean;
    /** Null while hidden. */
    midpoint: { x: number; y: number } | null;
    /** Null when its caption is not drawn (it would overlap another label or an entity). */
    labelBox: Box | null;
  }[];
  readonly zoom: number;
}

/** Font sizes at 100 %; above that labels keep their size on screen, so zooming in makes room and hidden labels come back. */
const NODE_FONT = 12;
/** Most line captions the label placement tries at once. */
const MAX_CAPTIONS_TRIED = 120;
const EDGE_FONT = 9;

const FIT_PADDING = 40;
/** Fits never zoom past 100 %: labels keep their measured size until the user zooms in. */
const MAX_FIT_ZOOM = 1;
const MIN_FIT_ZOOM = 0.7;

export class GraphView {
  readonly cy: Core;
  private readonly container: HTMLElement;
  private running: cytoscape.Layouts | null = null;
  private groups = new Map<string, TieGroup>();
  private groupOf = new Map<string, string>();
  private labelScale = 1;
  private remeasure = false;
  /** How long the last layout took (ms), for the tests' timing. */
  lastLayoutMs = 0;
  private zoomTimer = 0;

  constructor(container: HTMLElement, handlers: GraphViewHandlers) {
    this.container = container;
    this.cy = cytoscape({
      container,
      style: graphStylesheet(),
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (event) => {
      handlers.onNodeTap((event.target as NodeSingular).id());
    });
    this.cy.on('dbltap', 'node', (event) => {
      handlers.onNodeDoubleTap((event.target as NodeSingular).id());
    });
    this.cy.on('tap', 'edge', (event) => {
      handlers.onEdgeTap((event.target as cytoscape.EdgeSingular).id());
    });
    this.cy.on('mouseover', 'node, edge', (event) => {
      (event.target as cytoscape.SingularElementArgument).addClass('hover');
      container.style.cursor = 'pointer';
    });
    this.cy.on('mouseout', 'node, edge', (event) => {
      (event.target as cytoscape.SingularElementArgument).removeClass('hover');
      container.style.cursor = '';
    });
    this.cy.on('dragfree', 'node', () => {
      this.placeLabels();
    });
    this.cy.on('zoom', () => {
      window.clearTimeout(this.zoomTimer);
      this.zoomTimer = window.setTimeout(() => {
        if (this.scaleLabels()) this.placeLabels();
      }, 80);
    });
  }

  /** The drawn line that stands for a relationship (its group's id), or null if it is not drawn. */
  lineOf(relationshipId: string): string | null {
    return this.groupOf.get(relationshipId) ?? null;
  }

  /** The relationships a drawn line stands for. */
  membersOf(lineId: string): readonly string[] {
    return this.groups.get(lineId)?.members.map((m) => m.id) ?? [];
  }

  /**
   * Font sizes go through element data (a style mapper), not a stylesheet
   * change: changing data makes Cytoscape re-measure the labels, so none is
   * drawn clipped to its old size.
   */
  private applyFontSizes(): void {
    const scale = this.labelScale;
    // Cytoscape keeps a label's measured box until its text changes, even when the font or the
    // node's size does (the label is then drawn clipped): a zero-width space that comes and goes
    // with each change of scale makes it measure them again.
    const mark = this.remeasure ? ZWSP : '';
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.data({ fs: (node.hasClass('focus') ? NODE_FONT + 2 : NODE_FONT) * scale, label: `${plain(String(node.data('label')))}${mark}` });
      });
      this.cy.edges().forEach((edge) => {
        edge.data({ fs: EDGE_FONT * scale, caption: `${plain(String(edge.data('caption') ?? ''))}${mark}`, full: `${plain(String(edge.data('full') ?? ''))}${mark}` });
      });
    });
  }

  /** Keeps labels the same size on screen above 100 % zoom (smaller in the model); true if that changed. */
  private scaleLabels(): boolean {
    const scale = Math.min(1, 1 / this.cy.zoom());
    if (Math.abs(scale - this.labelScale) < 0.02) return false;
    this.labelScale = scale;
    this.remeasure = !this.remeasure;
    this.applyFontSizes();
    return true;
  }

  /** Makes the drawn graph exactly `graph`; tells how many nodes it added and removed. */
  setGraph(graph: Subgraph): { added: number; removed: number } {
    const cy = this.cy;
    const keys = new Set(graph.nodes.map((n) => n.key));
    const { groups, groupOf } = groupTies(graph.edges);
    this.groups = new Map(groups.map((g) => [g.id, g]));
    this.groupOf = groupOf;
    const ids = new Set(this.groups.keys());
    const gone = cy.nodes().filter((n) => !keys.has(n.id()));
    cy.batch(() => {
      cy.edges().filter((e) => !ids.has(e.id())).remove();
      gone.remove();
    });
    const addedNodes = graph.nodes.filter((n) => cy.getElementById(n.key).empty());
    const definitions: ElementDefinition[] = [
      ...addedNodes.map((n) => ({ group: 'nodes' as const, data: { id: n.key, label: n.name, name: n.name, type: n.type, provenance: n.provenance ?? 'seed', size: 24, fs: NODE_FONT }, classes: n.provenance === 'retracted' ? ['retracted'] : [] })),
      ...groups
        .filter((g) => cy.getElementById(g.id).empty())
        .map((g) => ({ group: 'edges' as const, data: { id: g.id, source: g.from, target: g.to, type: g.type, provenance: g.members[0]?.provenance ?? 'seed', caption: '', full: '', fs: EDGE_FONT }, classes: g.members[0]?.provenance === 'retracted' ? ['retracted'] : [] })),
    ];
    const placed = cy.nodes().length > 0;
    cy.add(definitions);
    if (placed) this.placeNear(addedNodes.map((n) => n.key));
    else this.placeInCircle();
    return { added: addedNodes.length, removed: gone.length };
  }

  /** Shows and hides elements, and applies the highlight classes and the selection. */
  decorate(visible: Visible, decorations: Decorations): void {
    const cy = this.cy;
    const pathShown = decorations.pathEdges.size > 0;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const key = node.id();
        node.toggleClass('hidden', !visible.nodes.has(key));
        node.toggleClass('focus', key === decorations.focus);
        node.toggleClass('expanded', decorations.expanded.has(key));
        node.toggleClass('path', decorations.pathNodes.has(key));
        node.toggleClass('faded', pathShown && !decorations.pathNodes.has(key) && key !== decorations.focus);
        const more = decorations.more.get(key) ?? 0;
        const name = node.data('provenance') === 'retracted' ? `${String(node.data('name'))} (retracted)` : String(node.data('name'));
        node.data('label', more > 0 ? `${name}\n+${more} more` : name);
        node.toggleClass('capped', more > 0);
        node.data('size', Math.round(18 + 30 * Math.sqrt(decorations.sizes.get(key) ?? 0)));
      });
      cy.edges().forEach((edge) => {
        const group = this.groups.get(edge.id());
        const shown = group?.members.filter((m) => visible.edges.has(m.id)) ?? [];
        const onPath = group?.members.some((m) => decorations.pathEdges.has(m.id)) ?? false;
        const caption = tieCaption(shown);
        edge.data({ caption: caption.short, full: caption.full, count: shown.length });
        edge.toggleClass('hidden', shown.length === 0);
        edge.toggleClass('merged', shown.length > 1);
        edge.toggleClass('derived', group?.members[0]?.derived ?? false);
        edge.toggleClass('path', onPath);
        edge.toggleClass('faded', pathShown && !onPath);
      });
      cy.elements(':selected').unselect();
      const selected = decorations.edge !== null ? this.lineOf(decorations.edge) : decorations.focus;
      if (selected !== null) cy.getElementById(selected).select();
    });
    this.applyFontSizes();
  }

  /**
   * Lays out the shown graph with fCoSE and resolves once it has settled:
   * from scratch when `fresh`, otherwise starting from where nodes are (new
   * ones sit next to a neighbour), so an expansion does not reshuffle the view.
   * Then fits the view to `fitTo` (or to everything shown); the caller places labels.
   */
  async layout(fresh: boolean, fitTo: readonly string[] = [], centre: string | null = null): Promise<void> {
    this.running?.stop();
    this.container.dataset['layout'] = 'running';
    const shown = this.cy.elements().not('.hidden');
    // A big map is laid out at once (no animation, default quality): it must show within a second or two.
    const big = shown.nodes().length > 60;
    const animate = !big && shown.nodes().length > 1 && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const started = performance.now();
    // One spring per pair of entities: parallel ties of several kinds pull no harder than one.
    const seen = new Set<string>();
    const springs = shown.edges().filter((edge) => {
      const [a, b] = [edge.source().id(), edge.target().id()].sort();
      const pair = `${a}\u0000${b}`;
      if (seen.has(pair)) return false;
      seen.add(pair);
      return true;
    });
    const layout = shown.nodes().union(springs).layout({
      name: 'fcose',
      quality: big ? 'default' : 'proof',
      randomize: fresh,
      animate,
      animationDuration: 450,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      packComponents: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 100,
      edgeElasticity: () => 0.4,
      nodeSeparation: 80,
      gravity: 0.3,
      numIter: big ? 600 : 2500,
    } as cytoscape.LayoutOptions);
    this.running = layout;
    const stopped = layout.promiseOn('layoutstop');
    const seed = shown.map((element) => element.id()).sort().join(' ');
    withSeededRandom(seed, () => layout.run());
    await stopped;
    if (this.running !== layout) return; // a newer layout took over
    this.running = null;
    this.lastLayoutMs = performance.now() - started;
    this.fit(fitTo, centre);
    this.container.dataset['layout'] = 'settled';
  }

  /**
   * Fits the view to some elements (ids), or to everything shown, between
   * 70 % and 160 %: a big graph is not shrunk until its names are unreadable;
   * the view then centres on `centre` (the opened entity) and the rest is a pan away.
   * `minZoom` 0 fits everything whatever the size (the Fit button).
   */
  fit(ids: readonly string[] = [], centre: string | null = null, minZoom = MIN_FIT_ZOOM): void {
    const cy = this.cy;
    let target: Collection = cy.collection();
    for (const id of ids) target = target.union(cy.getElementById(id));
    target = target.not('.hidden');
    if (target.empty()) target = cy.elements().not('.hidden');
    if (target.empty()) return;
    cy.fit(target, FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(target);
    } else if (cy.zoom() < minZoom) {
      cy.zoom(minZoom);
      const middle = centre !== null ? cy.getElementById(centre).not('.hidden') : cy.collection();
      cy.center(middle.nonempty() ? middle : target);
    }
  }

  /** Zooms by a factor around the centre of the view (keyboard zoom). */
  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Draws only labels that overlap neither another label nor another entity (see label-placement.ts). */
  placeLabels(): void {
    const cy = this.cy;
    const candidates: LabelCandidate[] = [];
    cy.nodes().not('.hidden').forEach((node) => {
      const priority = nodePriority(node);
      const label = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, useCache: false } as cytoscape.BoundingBoxOptions);
      const body = node.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false });
      const [below, ...sides] = labelPlaces(body, label, LABEL_SIDES.findIndex((side) => node.hasClass(side)) + 1);
      candidates.push({
        id: node.id(),
        priority,
        label: below!,
        body,
        faint: node.hasClass('faded'),
        // Names that must show (the focus, a selection, route entities) may move above or beside their entity.
        ...(priority >= ROUTE_PRIORITY ? { alternatives: sides } : {}),
      });
    });
    // Captions compete for room after names; on a big map only the most telling are tried (the rest show on hover or zoom).
    const edgePriority = (edge: cytoscape.EdgeSingular): number =>
      edge.selected() ? 850 : edge.hasClass('path') ? 500 : edge.hasClass('faded') ? 0 : 1 + Number(edge.data('count') ?? 1) / 100;
    const { x1, y1, x2, y2 } = cy.extent();
    cy.edges()
      .not('.hidden')
      .edges()
      .filter((edge) => {
        const m = edge.midpoint();
        return m.x >= x1 && m.x <= x2 && m.y >= y1 && m.y <= y2;
      })
      .sort((a, b) => edgePriority(b as cytoscape.EdgeSingular) - edgePriority(a as cytoscape.EdgeSingular))
      .slice(0, MAX_CAPTIONS_TRIED)
      .forEach((edge) => {
        const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, useCache: false } as cytoscape.BoundingBoxOptions);
        if (box.w > 0 && box.h > 0) candidates.push({ id: edge.id(), priority: edgePriority(edge), label: box });
      });
    const shown = placeLabelsOnSides(candidates);
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const side = shown.get(element.id());
        element.toggleClass('label-hidden', side === undefined);
        if (element.isNode()) LABEL_SIDES.forEach((name, i) => element.toggleClass(name, side === i + 1));
      });
    });
  }

  /** What is drawn where, in page pixels (see ViewSnapshot). */
  snapshot(): ViewSnapshot {
    const cy = this.cy;
    const origin = this.container.getBoundingClientRect();
    const page = (p: { x: number; y: number }): { x: number; y: number } => ({ x: origin.left + p.x, y: origin.top + p.y });
    const labelBox = (element: cytoscape.SingularElementArgument): Box => {
      const box = element.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, useCache: false } as cytoscape.BoundingBoxOptions);
      return { x1: origin.left + box.x1, y1: origin.top + box.y1, x2: origin.left + box.x2, y2: origin.top + box.y2 };
    };
    return {
      nodes: cy.nodes().map((node) => {
        const visible = !node.hasClass('hidden');
        const labelShown = visible && !node.hasClass('label-hidden');
        return {
          key: node.id(),
          name: String(node.data('name')),
          label: plain(String(node.data('label'))),
          type: String(node.data('type')),
          visible,
          classes: node.classes().filter((c) => c !== 'hover'),
          selected: node.selected(),
          labelShown,
          position: page(node.renderedPosition()),
          labelBox: labelShown ? labelBox(node) : null,
        };
      }),
      edges: cy.edges().map((edge) => ({
        id: edge.id(),
        members: this.membersOf(edge.id()).slice(),
        count: Number(edge.data('count') ?? 0),
        caption: plain(String(edge.data('caption') ?? '')),
        fullCaption: plain(String(edge.data('full') ?? '')),
        type: String(edge.data('type')),
        source: edge.source().id(),
        target: edge.target().id(),
        visible: !edge.hasClass('hidden'),
        classes: edge.classes().filter((c) => c !== 'hover'),
        selected: edge.selected(),
        midpoint: edge.hasClass('hidden') ? null : page(edge.renderedMidpoint()),
        labelBox: !edge.hasClass('hidden') && !edge.hasClass('label-hidden') ? labelBox(edge) : null,
      })),
      zoom: cy.zoom(),
    };
  }

  /** Spreads a first batch of nodes on a circle, so nothing is drawn on top of anything before the layout runs. */
  private placeInCircle(): void {
    const nodes = this.cy.nodes();
    const radius = 60 * Math.sqrt(nodes.length);
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      node.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }

  /** Puts new nodes in a ring around their first already-placed neighbour, so the next layout starts close. */
  private placeNear(keys: readonly string[]): void {
    const cy = this.cy;
    const fresh = new Set(keys);
    const ringIndex = new Map<string, number>();
    // The middle of the view, in model coordinates: where unconnected newcomers go.
    const centre = { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
    for (const key of keys) {
      const node = cy.getElementById(key);
      const anchor = node.neighborhood().nodes().filter((n) => !fresh.has(n.id())).first() as NodeSingular;
      const origin = anchor.nonempty() ? anchor.position() : centre;
      const anchorId = anchor.nonempty() ? anchor.id() : '';
      const index = ringIndex.get(anchorId) ?? 0;
      ringIndex.set(anchorId, index + 1);
      const angle = index * 2.399963; // golden angle: an even spread for any count
      const radius = 70 + 12 * Math.sqrt(index);
      node.position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    }
  }
}

const ZWSP = '\u200B';

/** A label without the re-wrap mark. */
function plain(text: string): string {
  return text.replaceAll(ZWSP, '');
}

/** Classes that move a node's name off its default place below it, in the order `labelPlaces` gives their boxes. */
const LABEL_SIDES = ['label-top', 'label-right', 'label-left'] as const;
/** Route entities' priority: from it up, a name may move to stay visible. */
const ROUTE_PRIORITY = 600;

/**
 * Where a node's label can go: below (the stylesheet's place), above, right and
 * left of its body, for a label measured at place `side` (0 below, i for
 * LABEL_SIDES[i - 1]). Derived from the one measurement, so a label moved by an
 * earlier placement is measured where it is, not after a restyle.
 */
function labelPlaces(body: Box, label: Box, side: number): Box[] {
  const w = label.x2 - label.x1;
  const h = label.y2 - label.y1;
  const gap = [label.y1 - body.y2, body.y1 - label.y2, label.x1 - body.x2, body.x1 - label.x2][side] ?? 0;
  const midX = (body.x1 + body.x2) / 2;
  const midY = (body.y1 + body.y2) / 2;
  return [
    { x1: midX - w / 2, x2: midX + w / 2, y1: body.y2 + gap, y2: body.y2 + gap + h },
    { x1: midX - w / 2, x2: midX + w / 2, y1: body.y1 - gap - h, y2: body.y1 - gap },
    { x1: body.x2 + gap, x2: body.x2 + gap + w, y1: midY - h / 2, y2: midY + h / 2 },
    { x1: body.x1 - gap - w, x2: body.x1 - gap, y1: midY - h / 2, y2: midY + h / 2 },
  ];
}

function nodePriority(node: NodeSingular): number {
  if (node.selected()) return 900;
  if (node.hasClass('focus')) return 1000;
  if (node.hasClass('path')) return ROUTE_PRIORITY;
  if (node.hasClass('expanded')) return 300;
  // Names go before the captions of lines (1.x): a leaf's name no longer gives way to its one line's caption.
  return 2 + Math.min(node.connectedEdges().not('.hidden').length, 99);
}

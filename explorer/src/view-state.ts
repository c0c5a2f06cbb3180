/**
 * The explorer's view, as it lives in the URL: what is opened and expanded,
 * the filters, the path asked for and what is selected. Parsing forgives
 * (unknown or malformed values are dropped); formatting is stable, so the
 * same view always gives the same URL.
 */
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';

export interface ViewState {
  /** The selected (opened) entity: its details are shown. */
  readonly focus: string | null;
  /** A selected relationship (its id): its details and citations are shown instead of the entity's. */
  readonly edge: string | null;
  /** Entities whose neighbourhoods are drawn, in the order they were expanded. */
  readonly expand: readonly string[];
  /** Date window in whole years; null: unbounded on that side. */
  readonly from: number | null;
  readonly to: number | null;
  /** Entity types shown; null: all. */
  readonly types: readonly string[] | null;
  /** Relationship types shown; null: all. */
  readonly rels: readonly string[] | null;
  /** Shortest paths asked for, from the first entity to the second. */
  readonly path: readonly [string, string] | null;
  /** Entities whose two-hop neighbourhoods are drawn (one request each). */
  readonly deep: readonly string[];
  /** More of a capped neighbourhood: "key.RELATIONSHIP_TYPE", the type's neighbours of that entity. */
  readonly more: readonly string[];
  /** Entities the user took off the graph. */
  readonly hide: readonly string[];
  /** Undated ties: shown in every year window (default), or left out once a window is set. */
  readonly undated: 'show' | 'hide';
  /** Layers drawn as nodes; the others fold into derived ties (default: actors and context). */
  readonly layers: readonly Layer[];
  /** Routes: avoid generic ties (RELATED_TO, BASED_IN ...) altogether; penalise hubs more. */
  readonly avoidGeneric: boolean;
  readonly avoidHubs: boolean;
  /** What sets an entity's size. */
  readonly size: SizeMetric;
  /** Which facts are drawn by provenance: seed, curated, retracted (default: the live ones, seed and curated). */
  readonly origins: readonly Provenance[];
}

export const LAYER_NAMES = ['ACTORS', 'CONTEXT', 'EVIDENCE'] as const;
export type Layer = (typeof LAYER_NAMES)[number];
export const DEFAULT_LAYERS: readonly Layer[] = ['ACTORS', 'CONTEXT'];
export const SIZE_METRICS = ['degree', 'betweenness', 'pagerank', 'none'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
/** Where a drawn fact comes from: the seed files, a curator, or a curator's retraction (shown for review only). */
export const PROVENANCES = ['seed', 'curated', 'retracted'] as const;
export type Provenance = (typeof PROVENANCES)[number];
export const DEFAULT_ORIGINS: readonly Provenance[] = ['seed', 'curated'];

export const EMPTY_VIEW: ViewState = {
  focus: null,
  edge: null,
  expand: [],
  from: null,
  to: null,
  types: null,
  rels: null,
  path: null,
  deep: [],
  more: [],
  hide: [],
  undated: 'show',
  layers: DEFAULT_LAYERS,
  avoidGeneric: false,
  avoidHubs: false,
  size: 'degree',
  origins: DEFAULT_ORIGINS,
};

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EDGE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const MORE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Z_]+)$/;

/** Splits a `more` entry ("japan.RELATED_TO") into its entity key and relationship type; null if malformed. */
export function parseMore(entry: string): { key: string; type: string } | null {
  const match = MORE.exec(entry);
  if (!match || !(RELATIONSHIP_TYPES as readonly string[]).includes(match[2]!)) return null;
  return { key: match[1]!, type: match[2]! };
}

/** Is `value` an entity key ("shinzo-abe")? */
export function isEntityKey(value: string): boolean {
  return KEY.test(value);
}

/** Reads a view from a query string (`location.search`, with or without "?"). */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const one = (name: string): string | null => params.get(name)?.trim() || null;
  const list = (name: string): string[] => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const focus = one('focus');
  const edge = one('edge');
  const path = list('path').filter(isEntityKey);
  const from = year(one('from'));
  const to = year(one('to'));
  return {
    focus: focus !== null && isEntityKey(focus) ? focus : null,
    edge: edge !== null && EDGE_ID.test(edge) ? edge : null,
    expand: [...new Set(list('expand').filter(isEntityKey))],
    from: from !== null && to !== null && from > to ? to : from,
    to: from !== null && to !== null && from > to ? from : to,
    types: params.has('types') ? [...new Set(list('types'))].filter((t) => (ENTITY_LABELS as readonly string[]).includes(t)) : null,
    rels: params.has('rels') ? [...new Set(list('rels'))].filter((t) => (RELATIONSHIP_TYPES as readonly string[]).includes(t)) : null,
    path: path.length === 2 && path[0] !== path[1] ? [path[0]!, path[1]!] : null,
    deep: [...new Set(list('deep').filter(isEntityKey))],
    more: [...new Set(list('more').filter((entry) => parseMore(entry) !== null))],
    hide: [...new Set(list('hide').filter(isEntityKey))],
    undated: one('undated') === 'hide' ? 'hide' : 'show',
    layers: layersOf(params.has('layers') ? list('layers') : null),
    avoidGeneric: list('avoid').includes('generic'),
    avoidHubs: list('avoid').includes('hubs'),
    size: (SIZE_METRICS as readonly string[]).includes(one('size') ?? '') ? (one('size') as SizeMetric) : 'degree',
    origins: params.has('origin') ? PROVENANCES.filter((p) => list('origin').includes(p)) : DEFAULT_ORIGINS,
  };
}

/** Writes a view as a query string ("?focus=...&expand=..."), or "" for the empty view. */
export function formatViewState(state: ViewState): string {
  const parts: [string, string][] = [];
  if (state.focus !== null) parts.push(['focus', state.focus]);
  if (state.edge !== null) parts.push(['edge', state.edge]);
  if (state.expand.length > 0) parts.push(['expand', state.expand.join(',')]);
  if (state.from !== null) parts.push(['from', String(state.from)]);
  if (state.to !== null) parts.push(['to', String(state.to)]);
  if (state.types !== null) parts.push(['types', sorted(state.types, ENTITY_LABELS).join(',')]);
  if (state.rels !== null) parts.push(['rels', sorted(state.rels, RELATIONSHIP_TYPES).join(',')]);
  if (state.path !== null) parts.push(['path', state.path.join(',')]);
  if (state.deep.length > 0) parts.push(['deep', state.deep.join(',')]);
  if (state.more.length > 0) parts.push(['more', state.more.join(',')]);
  if (state.hide.length > 0) parts.push(['hide', state.hide.join(',')]);
  if (state.undated === 'hide') parts.push(['undated', 'hide']);
  if (state.layers.join() !== DEFAULT_LAYERS.join()) parts.push(['layers', state.layers.join(',')]);
  const avoid = [state.avoidGeneric ? 'generic' : null, state.avoidHubs ? 'hubs' : null].filter((a) => a !== null);
  if (avoid.length > 0) parts.push(['avoid', avoid.join(',')]);
  if (state.size !== 'degree') parts.push(['size', state.size]);
  if (state.origins.join() !== DEFAULT_ORIGINS.join()) parts.push(['origin', PROVENANCES.filter((p) => state.origins.includes(p)).join(',')]);
  if (parts.length === 0) return '';
  // Keys, types and ids need no escaping but commas read better unescaped.
  return `?${parts.map(([name, value]) => `${name}=${encodeURIComponent(value).replaceAll('%2C', ',')}`).join('&')}`;
}

/** Known layers in their fixed order; actors are always drawn. */
function layersOf(values: readonly string[] | null): readonly Layer[] {
  if (values === null) return DEFAULT_LAYERS;
  const wanted = new Set(values.map((v) => v.toUpperCase()));
  wanted.add('ACTORS');
  return LAYER_NAMES.filter((layer) => wanted.has(layer));
}

function year(text: string | null): number | null {
  if (text === null || !/^\d{1,4}$/.test(text)) return null;
  return Number(text);
}

function sorted(values: readonly string[], order: readonly string[]): string[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

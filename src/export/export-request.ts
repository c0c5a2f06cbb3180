import type { ExportSelection } from '../db/export-stream.js';
import { datePrecision, firstDay, lastDay } from '../model/dates.js';
import {
  ENTITY_LABELS,
  RELATIONSHIP_TYPES,
  isEntityLabel,
  isRelationshipType,
} from '../model/graph-model.js';
import { LAYERS, type Layer } from '../model/layers.js';
import { EXPORT_FORMATS, FORMATS, isExportFormat, type ExportFormat } from './export-formats.js';
import { PARALLEL_TIES, type ParallelTies } from './parallel-ties.js';

/** What the export draws: the stored graph as it is, or a network view of some layers with derived ties. */
export type Projection = { readonly kind: 'full' } | { readonly kind: 'layers'; readonly layers: readonly Layer[] };

/** One export, as the HTTP route and the CLI both describe it. */
export interface ExportRequest {
  readonly format: ExportFormat;
  readonly selection: ExportSelection;
  readonly metrics: boolean;
  readonly dynamic: boolean;
  /** Default: the full stored graph. */
  readonly projection?: Projection;
  /** Whether metrics (and the file's edges) are directed; default true for the full graph, false for projections. */
  readonly directed?: boolean;
  /** Whether undated ties stay in a date window (projections only; default include). */
  readonly undated?: 'include' | 'exclude';
  /** Parallel ties as separate edges, or merged into one (default: merge for GEXF and GraphML, keep for the rest). */
  readonly parallel?: ParallelTies;
}

/** A bad export parameter: names the parameter, says why, and carries the HTTP status to answer with. */
export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
  /** The error code of the JSON body. */
  readonly code: string = 'BAD_EXPORT_PARAMETER';
  constructor(
    readonly parameter: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** An ego network too large to project: the same refusal, and code, as the `network` query's NETWORK_TOO_LARGE. */
export class ExportTooLargeError extends ExportRequestError {
  override name = 'ExportTooLargeError';
  override readonly code = 'NETWORK_TOO_LARGE';
  constructor(
    parameter: string,
    message: string,
    readonly limit: number,
  ) {
    super(parameter, message, 400);
  }
}

export const EXPORT_PARAMETERS = ['projection', 'types', 'relationshipTypes', 'from', 'to', 'undated', 'id', 'depth', 'metrics', 'directed', 'dynamic', 'origin', 'parallel', 'includeRetracted'] as const;

/**
 * Validates an export request: the format, then each parameter against the
 * model (entity and relationship types from its whitelist, ISO dates, an
 * entity key, a depth within `maxDepth`). Unknown parameters are refused so a
 * misspelt filter cannot silently export the whole graph.
 */
export function parseExportRequest(format: string, params: ReadonlyMap<string, string>, maxDepth: number): ExportRequest {
  if (!isExportFormat(format)) {
    throw new ExportRequestError('format', `unknown export format "${format}" (formats: ${EXPORT_FORMATS.join(', ')})`, 404);
  }
  for (const name of params.keys()) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name)) {
      throw new ExportRequestError(name, `unknown parameter "${name}" (parameters: ${EXPORT_PARAMETERS.join(', ')})`);
    }
  }
  const types = list(params, 'types', isEntityLabel, ENTITY_LABELS);
  const relationshipTypes = list(params, 'relationshipTypes', isRelationshipType, RELATIONSHIP_TYPES);
  const from = date(params, 'from', 'first');
  const to = date(params, 'to', 'last');
  if (from !== null && to !== null && from > to) throw new ExportRequestError('to', `"to" (${to}) is before "from" (${from})`);

  const id = params.get('id');
  const depthText = params.get('depth');
  if (id === undefined && depthText !== undefined) throw new ExportRequestError('depth', '"depth" needs "id", the centre of the ego network');
  if (id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new ExportRequestError('id', `"${id}" is not an entity key (kebab-case, such as "shinzo-abe")`);
  }
  const depth = depthText === undefined ? 1 : Number(depthText);
  if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) {
    throw new ExportRequestError('depth', `depth is "${depthText ?? ''}"; it must be a whole number from 1 to ${maxDepth}`);
  }

  const originText = params.get('origin');
  if (originText !== undefined && originText !== 'seed' && originText !== 'curated') {
    throw new ExportRequestError('origin', `"origin" is "${originText}"; use seed or curated (retracted facts are shown with includeRetracted=true)`);
  }
  const metrics = flag(params, 'metrics');
  const dynamic = flag(params, 'dynamic');
  if (dynamic && !FORMATS[format].dynamic) {
    throw new ExportRequestError('dynamic', `the ${format} format has no dynamic mode (only gexf has)`);
  }
  const projection = parseProjection(params.get('projection'));
  const includeRetracted = flag(params, 'includeRetracted');
  if (includeRetracted && projection.kind !== 'full') {
    throw new ExportRequestError('includeRetracted', '"includeRetracted" applies to the full graph (projection=full); a projection derives ties from live facts only');
  }
  if (includeRetracted && metrics) {
    throw new ExportRequestError('includeRetracted', '"includeRetracted" cannot be combined with "metrics": metrics describe the graph as it stands; export the metrics without the retracted facts');
  }
  const directedText = params.get('directed');
  const directed = directedText === undefined ? projection.kind === 'full' : flag(params, 'directed');
  const undatedText = params.get('undated') ?? 'include';
  if (undatedText !== 'include' && undatedText !== 'exclude') {
    throw new ExportRequestError('undated', `"undated" is "${undatedText}"; use include or exclude`);
  }
  if (projection.kind === 'full' && params.has('undated')) {
    throw new ExportRequestError('undated', '"undated" applies to projections (projection=actors or layers:...); the full graph keeps undated elements in every window');
  }
  const parallel = params.get('parallel') ?? defaultParallel(format);
  if (!(PARALLEL_TIES as readonly string[]).includes(parallel)) {
    throw new ExportRequestError('parallel', `"parallel" is "${parallel}"; use keep (one edge per tie) or merge (one edge per group of parallel ties)`);
  }
  return {
    format,
    parallel: parallel as ParallelTies,
    selection: { types, relationshipTypes, from, to, ego: id === undefined ? null : { key: id, depth },
      ...(originText ? { origin: originText } : {}),
      ...(includeRetracted ? { includeRetracted } : {}),
    },
    metrics,
    dynamic,
    projection,
    directed,
    undated: undatedText,
  };
}

/**
 * Gephi's importer folds parallel edges, keeping one edge's attributes: its two
 * formats merge them first (with every citation); the others, read by tools that
 * keep parallel edges (NetworkX, igraph, Cytoscape, pandas), keep them.
 */
function defaultParallel(format: ExportFormat): ParallelTies {
  return format === 'gexf' || format === 'graphml' ? 'merge' : 'keep';
}

/** `full` (default), `actors`, or `layers:actors,context`. */
function parseProjection(raw: string | undefined): Projection {
  if (raw === undefined || raw === 'full') return { kind: 'full' };
  if (raw === 'actors') return { kind: 'layers', layers: ['actors'] };
  const match = /^layers:(.+)$/.exec(raw);
  const names = match ? match[1]!.split(',').map((v) => v.trim()).filter((v) => v !== '') : [];
  const unknown = names.find((n) => !(LAYERS as readonly string[]).includes(n));
  if (!match || names.length === 0 || unknown !== undefined) {
    throw new ExportRequestError(
      'projection',
      `"projection" is "${raw}"; use full, actors, or layers: followed by some of ${LAYERS.join(', ')} (e.g. layers:actors,context)`,
    );
  }
  return { kind: 'layers', layers: [...new Set(names)] as Layer[] };
}

function list<T extends string>(
  params: ReadonlyMap<string, string>,
  name: string,
  accept: (value: string) => value is T,
  allowed: readonly string[],
): T[] | null {
  const raw = params.get(name);
  if (raw === undefined) return null;
  const values = raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) throw new ExportRequestError(name, `"${name}" is empty; leave it out to keep all`);
  const unknown = values.find((v) => !accept(v));
  if (unknown !== undefined) {
    throw new ExportRequestError(name, `"${unknown}" is not one of the model's ${name} (allowed: ${allowed.join(', ')})`);
  }
  return [...new Set(values)] as T[];
}

function date(params: ReadonlyMap<string, string>, name: string, edge: 'first' | 'last'): string | null {
  const raw = params.get(name);
  if (raw === undefined) return null;
  if (!datePrecision(raw)) throw new ExportRequestError(name, `"${raw}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return edge === 'first' ? firstDay(raw) : lastDay(raw);
}

function flag(params: ReadonlyMap<string, string>, name: string): boolean {
  const raw = params.get(name);
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true' || raw === '') return true;
  throw new ExportRequestError(name, `"${name}" is "${raw}"; use true or false`);
}

/** One line describing the selection, for file metadata. */
export function describeRequest(request: ExportRequest): string {
  const { types, relationshipTypes, from, to, ego } = request.selection;
  const parts = [
    types ? `types ${types.join(',')}` : null,
    relationshipTypes ? `relationship types ${relationshipTypes.join(',')}` : null,
    from || to ? `dates ${from ?? '…'} to ${to ?? '…'}` : null,
    ego ? `within ${ego.depth} hop(s) of ${ego.key}` : null,
    request.projection?.kind === 'layers'
      ? `projection: layers ${request.projection.layers.join(',')}, other layers folded into derived ties (weight = pieces of evidence); undated ties ${request.undated === 'exclude' ? 'excluded' : 'included'}`
      : null,
    request.parallel === 'merge' ? `parallel ties merged into one edge per ${request.format === 'graphml' ? 'pair of ends' : 'pair of ends and kind'} (multiplicity counts them)` : null,
    request.selection.origin ? `${request.selection.origin} facts only` : null,
    request.selection.includeRetracted ? 'retracted facts included (retracted=true, with who, when and why)' : null,
    request.metrics ? `with metrics computed on the ${isDirected(request) ? 'directed' : 'undirected'} graph (unweighted; parallel edges counted)` : null,
  ].filter((p) => p !== null);
  return `Russia–Japan relations graph${parts.length > 0 ? `: ${parts.join('; ')}` : ' (whole graph)'}. Citations are file.txt:lines.`;
}

/** The download's file name: the graph, the ego centre if any, the format's suffix. */
export function exportFileName(request: ExportRequest): string {
  const ego = (request.selection.ego ? `-ego-${request.selection.ego.key}` : '') +
    (request.projection?.kind === 'layers' ? `-${request.projection.layers.join('-')}` : '');
  const retracted = request.selection.includeRetracted ? '-with-retracted' : '';
  return `russia-japan-graph${ego}${retracted}${request.dynamic ? '-dynamic' : ''}${FORMATS[request.format].fileSuffix}`;
}

/** Whether the export's edges and metrics are directed: as asked, else only the full graph is. */
export function isDirected(request: ExportRequest): boolean {
  return request.directed ?? (request.projection ?? { kind: 'full' }).kind === 'full';
}

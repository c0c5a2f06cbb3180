/**
 * The details panel: an entity (what it is, its dates, aliases, citations and
 * its connections in view, as buttons, so the graph can be walked by
 * keyboard) or a relationship (type, ends, dates, properties, citations).
 */
import { LABELS, RELATIONSHIPS, isEntityLabel, isRelationshipType } from '../../src/model/graph-model.js';
import type { CitationView, EntityDetails, EntitySummary, RelationshipView } from './api.js';
import { authorList, dateSpan, lineRange } from './citation-text.js';
import { h, replaceChildren } from './dom.js';
import { typeStyle, typeSwatch } from './type-styles.js';

export interface DetailsHandlers {
  selectNode(key: string): void;
  selectEdge(id: string): void;
  expand(key: string): void;
  collapse(key: string): void;
  setPathEnd(end: 'from' | 'to', entity: EntitySummary): void;
}

/** A relationship of the shown entity, seen from it. */
export interface Connection {
  readonly edge: RelationshipView;
  readonly other: EntitySummary;
  readonly outgoing: boolean;
}

export interface EntityContext {
  readonly expanded: boolean;
  readonly connections: readonly Connection[];
}

/** The panel before anything is opened. */
export function renderWelcome(panel: HTMLElement): void {
  replaceChildren(
    panel,
    h('h2', { id: 'details-title' }, 'Details'),
    h('p', { class: 'muted' }, 'Click an entity or a relationship in the graph to read its details and the document lines it comes from.'),
  );
}

/** An entity: `details` is null while it loads. */
export function renderEntity(panel: HTMLElement, summary: EntitySummary, details: EntityDetails | null, context: EntityContext, handlers: DetailsHandlers): void {
  const style = typeStyle(summary.type);
  const dates = dateSpan(summary.dateFrom, summary.dateTo);
  const total = details?.relationshipCounts.reduce((sum, c) => sum + c.total, 0) ?? null;
  replaceChildren(
    panel,
    h('p', { class: 'kicker' }, typeSwatch(summary.type), ` ${style.label}`),
    h('h2', { id: 'details-title' }, summary.name),
    h('p', { class: 'muted small' }, h('code', {}, summary.key), dates !== null ? ` · ${dates}` : null),
    details === null ? h('p', { class: 'muted' }, 'Loading…') : null,
    details?.description ? h('p', { class: 'description' }, details.description) : null,
    details && details.aliases.length > 0
      ? h(
          'p',
          { class: 'aliases' },
          h('strong', {}, 'Also: '),
          details.aliases.map((a) => (a.usedBy !== null ? `${a.name} (${a.usedBy}’s usage)` : a.name)).join('; '),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      context.expanded
        ? h('button', { type: 'button', id: 'collapse-button', onclick: () => { handlers.collapse(summary.key); } }, 'Collapse')
        : h('button', { type: 'button', id: 'expand-button', class: 'primary', onclick: () => { handlers.expand(summary.key); } }, 'Expand neighbourhood'),
      h('button', { type: 'button', id: 'path-from-button', onclick: () => { handlers.setPathEnd('from', summary); } }, 'Path from here'),
      h('button', { type: 'button', id: 'path-to-button', onclick: () => { handlers.setPathEnd('to', summary); } }, 'Path to here'),
    ),
    isEntityLabel(summary.type) ? h('p', { class: 'muted small' }, LABELS[summary.type].description) : null,
    h('h3', {}, `Connections in view (${context.connections.length}${total !== null ? ` of ${total}` : ''})`),
    context.connections.length === 0
      ? h('p', { class: 'muted small' }, context.expanded ? 'None shown under the current filters.' : 'Expand the neighbourhood to see them.')
      : h(
          'ul',
          { class: 'connections', 'aria-label': 'Connections in view' },
          ...context.connections.map(({ edge, other, outgoing }) =>
            h(
              'li',
              {},
              h('button', { type: 'button', class: 'link edge-link', 'data-edge': edge.id, onclick: () => { handlers.selectEdge(edge.id); } }, `${outgoing ? '→' : '←'} ${edge.type}`),
              ' ',
              h('button', { type: 'button', class: 'link node-link', 'data-key': other.key, onclick: () => { handlers.selectNode(other.key); } }, typeSwatch(other.type, 12), ` ${other.name}`),
            ),
          ),
        ),
    details && details.citations.length > 0 ? h('h3', {}, 'Cited in') : null,
    details && details.citations.length > 0 ? citationList(details.citations) : null,
  );
}

/** A relationship, with its ends as buttons. */
export function renderRelationship(panel: HTMLElement, edge: RelationshipView, from: EntitySummary, to: EntitySummary, handlers: DetailsHandlers): void {
  const valid = dateSpan(edge.validFrom, edge.validTo);
  const properties = Object.entries(edge.properties);
  replaceChildren(
    panel,
    h('p', { class: 'kicker' }, 'Relationship'),
    h('h2', { id: 'details-title' }, edge.type),
    isRelationshipType(edge.type) ? h('p', { class: 'muted small' }, RELATIONSHIPS[edge.type].description) : null,
    h(
      'p',
      { class: 'ends' },
      endButton(from, handlers),
      h('span', { class: 'arrow', 'aria-label': 'to' }, ` —${edge.type}→ `),
      endButton(to, handlers),
    ),
    h('dl', { class: 'properties' }, h('dt', {}, 'Dates'), h('dd', { id: 'edge-dates' }, valid ?? 'undated'), ...properties.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, String(value))])),
    h('h3', {}, `Citations (${edge.citations.length})`),
    citationList(edge.citations),
  );
}

function endButton(entity: EntitySummary, handlers: DetailsHandlers): HTMLButtonElement {
  return h('button', { type: 'button', class: 'link node-link', 'data-key': entity.key, onclick: () => { handlers.selectNode(entity.key); } }, typeSwatch(entity.type, 12), ` ${entity.name}`);
}

/** Citations as the reader checks them: document title, authors, publisher, line range, file. */
function citationList(citations: readonly CitationView[]): HTMLOListElement {
  return h(
    'ol',
    { class: 'citations' },
    ...citations.map((citation) => {
      const authors = authorList(citation);
      const publisher = citation.source?.publisher ?? null;
      return h(
        'li',
        { class: 'citation' },
        h('cite', { class: 'citation-title' }, citation.source?.title ?? citation.document),
        authors !== null ? h('span', { class: 'citation-authors' }, ` — ${authors}`) : null,
        publisher !== null ? h('span', { class: 'citation-publisher' }, ` (${publisher})`) : null,
        h('br'),
        h('span', { class: 'citation-lines' }, lineRange(citation)),
        ' of ',
        h('code', { class: 'citation-document' }, citation.document),
      );
    }),
  );
}

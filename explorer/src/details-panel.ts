/**
 * The details panel: an entity (what it is, its dates, aliases, citations and
 * its connections in view, as buttons, so the graph can be walked by
 * keyboard) or a relationship (type, ends, dates, properties, citations).
 */
import { LABELS, RELATIONSHIPS, isEntityLabel, isRelationshipType } from '../../src/model/graph-model.js';
import { quoteKey, type CitationView, type EntityDetails, type EntitySummary, type RelationshipView, type RetractionView } from './api.js';
import { authorList, dateSpan, evidenceByDocument, lineRange } from './citation-text.js';
import { h, replaceChildren } from './dom.js';
import type { HiddenTies } from './graph-data.js';
import { tieCaption } from './tie-groups.js';
import { typeStyle, typeSwatch } from './type-styles.js';

export interface DetailsHandlers {
  selectNode(key: string): void;
  selectEdge(id: string): void;
  expand(key: string): void;
  /** Two hops at once, in one request. */
  expandDeep(key: string): void;
  /** Brings in the entity's neighbours over one relationship type (what a capped expansion left out). */
  showMore(key: string, type: string): void;
  hide(key: string): void;
  unhideAll(): void;
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
  /** Its two-hop neighbourhood is drawn. */
  readonly deep: boolean;
  readonly connections: readonly Connection[];
  /** Relationship types with more relationships than loaded (a capped neighbourhood), most left out first. */
  readonly left: readonly HiddenTies[];
  /** How many entities the user hid. */
  readonly hiddenCount: number;
}

/** The panel before anything is opened. */
export function renderWelcome(panel: HTMLElement, hiddenCount = 0, handlers?: DetailsHandlers): void {
  replaceChildren(
    panel,
    h('h2', { id: 'details-title', tabindex: '-1' }, 'Details'),
    h('p', { class: 'muted' }, 'Click an entity or a relationship in the graph to read its details and the document lines it comes from.'),
    hiddenCount > 0 && handlers ? unhideButton(hiddenCount, handlers) : null,
  );
}

function unhideButton(count: number, handlers: DetailsHandlers): HTMLButtonElement {
  return h('button', { type: 'button', id: 'unhide-button', onclick: () => { handlers.unhideAll(); } }, `Show hidden (${count})`);
}

/** An entity: `details` is null while it loads. */
/** "Connections in view (3 of 12)": the live ones shown of the entity's total, and the retracted ones drawn beside them (not in the total). */
function connectionsHeading(connections: readonly Connection[], total: number | null): string {
  const retracted = connections.filter((c) => c.edge.provenance === 'retracted').length;
  const live = connections.length - retracted;
  return `Connections in view (${live}${total !== null ? ` of ${total}` : ''}${retracted > 0 ? `, and ${retracted} retracted` : ''})`;
}

/** Who retracted a fact, when and why: shown on a retracted fact drawn for review. */
function retractionNote(retraction: RetractionView): HTMLElement {
  return h(
    'p',
    { class: 'retraction', id: 'details-retraction' },
    h('strong', {}, 'Retracted'),
    ` on ${retraction.at.slice(0, 10)} by ${retraction.by}: `,
    retraction.reason === '' ? 'no reason given' : `“${retraction.reason}”`,
    '. Hidden from every other read; shown here because the Retracted filter is on.',
  );
}

export function renderEntity(panel: HTMLElement, summary: EntitySummary, details: EntityDetails | null, context: EntityContext, handlers: DetailsHandlers): void {
  const style = typeStyle(summary.type);
  const dates = dateSpan(summary.dateFrom, summary.dateTo);
  const total = details?.relationshipCounts.reduce((sum, c) => sum + c.total, 0) ?? null;
  replaceChildren(
    panel,
    h('p', { class: 'kicker' }, typeSwatch(summary.type), ` ${style.label}`),
    h('h2', { id: 'details-title', tabindex: '-1' }, summary.name),
    h('p', { class: 'muted small' }, h('code', {}, summary.key), dates !== null ? ` · ${dates}` : null),
    summary.retraction ? retractionNote(summary.retraction) : details === null ? h('p', { class: 'muted' }, 'Loading…') : null,
    details?.description ? h('p', { class: 'description' }, details.description) : null,
    details ? h('p', { class: 'muted small', id: 'details-provenance' }, provenance(details)) : null,
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
      context.expanded || context.deep
        ? h('button', { type: 'button', id: 'collapse-button', onclick: () => { handlers.collapse(summary.key); } }, 'Collapse')
        : h('button', { type: 'button', id: 'expand-button', class: 'primary', onclick: () => { handlers.expand(summary.key); } }, 'Expand neighbourhood'),
      context.deep ? null : h('button', { type: 'button', id: 'expand-deep-button', title: 'The actors two steps away and the ties among them, in one request; context and evidence fold into the ties', onclick: () => { handlers.expandDeep(summary.key); } }, 'Actor map, 2 hops'),
      h('button', { type: 'button', id: 'hide-button', title: 'Take this entity off the graph (Delete on the graph)', onclick: () => { handlers.hide(summary.key); } }, 'Hide'),
      h('button', { type: 'button', id: 'path-from-button', onclick: () => { handlers.setPathEnd('from', summary); } }, 'Path from here'),
      h('button', { type: 'button', id: 'path-to-button', onclick: () => { handlers.setPathEnd('to', summary); } }, 'Path to here'),
      context.hiddenCount > 0 ? unhideButton(context.hiddenCount, handlers) : null,
    ),
    isEntityLabel(summary.type) ? h('p', { class: 'muted small' }, LABELS[summary.type].description) : null,
    context.left.length > 0 ? notInView(summary, context.left, handlers) : null,
    h('h3', {}, connectionsHeading(context.connections, total)),
    context.connections.length === 0
      ? h('p', { class: 'muted small' }, context.expanded ? 'None shown under the current filters.' : 'Expand the neighbourhood to see them.')
      : h(
          'ul',
          { class: 'connections', 'aria-label': 'Connections in view' },
          ...context.connections.map(({ edge, other, outgoing }) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'link edge-link', 'data-edge': edge.id, title: tieCaption([edge]).full, onclick: () => { handlers.selectEdge(edge.id); } },
                `${outgoing ? '→' : '←'} ${edge.type}`,
              ),
              ' ',
              h('button', { type: 'button', class: 'link node-link', 'data-key': other.key, onclick: () => { handlers.selectNode(other.key); } }, typeSwatch(other.type, 12), ` ${other.name}`),
            ),
          ),
        ),
    details && details.citations.length > 0 ? h('h3', {}, 'Cited in') : null,
    details && details.citations.length > 0 ? evidenceList(details.citations) : null,
  );
}

/** The notice for a capped neighbourhood: what is left out, by relationship type, each with a button that brings it in. */
function notInView(summary: EntitySummary, left: readonly HiddenTies[], handlers: DetailsHandlers): HTMLElement {
  const missing = left.reduce((sum, t) => sum + t.total - t.loaded, 0);
  return h(
    'section',
    { class: 'not-in-view', 'aria-labelledby': 'not-in-view-title' },
    h('h3', { id: 'not-in-view-title' }, `Not in view: ${missing} more ${missing === 1 ? 'relationship' : 'relationships'}`),
    h('p', { class: 'muted small' }, 'The expansion brought in the best-connected neighbours only. Show more by type:'),
    h(
      'ul',
      { class: 'more-list' },
      ...left.map((t) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'more-button', 'data-type': t.type, title: isRelationshipType(t.type) ? RELATIONSHIPS[t.type].description : t.type, onclick: () => { handlers.showMore(summary.key, t.type); } },
            h('span', { class: 'more-type' }, t.type),
            h('span', { class: 'count' }, `+${t.total - t.loaded}`),
          ),
        ),
      ),
    ),
  );
}

/**
 * A tie, with its ends as buttons: one relationship, or parallel ones of the
 * same type drawn as one line (each with its dates and properties); then the
 * evidence of all of them, grouped per document.
 */
export function renderRelationship(
  panel: HTMLElement,
  ties: readonly RelationshipView[],
  from: EntitySummary,
  to: EntitySummary,
  handlers: DetailsHandlers,
  quotes: ReadonlyMap<string, string> | null = null,
): void {
  const first = ties[0];
  if (!first) return;
  const type = first.type;
  const citations = ties.flatMap((t) => t.citations);
  const behind = [...new Map(ties.flatMap((t) => t.evidence).map((e) => [e.key, e])).values()];
  replaceChildren(
    panel,
    h('p', { class: 'kicker' }, first.derived ? 'Tie derived from the evidence' : ties.length > 1 ? `${ties.length} parallel relationships` : 'Relationship'),
    h('h2', { id: 'details-title', tabindex: '-1' }, ties.length > 1 ? `${ties.length}× ${type}` : type),
    first.retraction ? retractionNote(first.retraction) : null,
    h('p', { class: 'muted small', id: 'tie-relation' }, isRelationshipType(type) && !first.derived ? RELATIONSHIPS[type].description : first.relation),
    h(
      'p',
      { class: 'ends' },
      endButton(from, handlers),
      h('span', { class: 'arrow', 'aria-label': first.derived ? 'and' : 'to' }, first.derived ? ` —${type}— ` : ` —${type}→ `),
      endButton(to, handlers),
    ),
    behind.length > 0 ? h('h3', {}, `Behind it (${behind.length})`) : null,
    behind.length > 0
      ? h(
          'ul',
          { class: 'connections behind', 'aria-label': 'What the tie is derived from' },
          ...behind.map((entity) =>
            h('li', {}, h('button', { type: 'button', class: 'link node-link', 'data-key': entity.key, onclick: () => { handlers.selectNode(entity.key); } }, typeSwatch(entity.type, 12), ` ${entity.name}`)),
          ),
        )
      : null,
    ties.length === 1
      ? properties(first, 'edge-dates')
      : h('ol', { class: 'ties', 'aria-label': 'The parallel relationships' }, ...ties.map((tie) => h('li', { 'data-edge': tie.id }, properties(tie, null)))),
    h('h3', { id: 'evidence-title' }, `Evidence (${citations.length} ${citations.length === 1 ? 'citation' : 'citations'})`),
    evidenceList(citations, quotes),
  );
}

function properties(edge: RelationshipView, datesId: string | null): HTMLDListElement {
  const valid = dateSpan(edge.validFrom, edge.validTo);
  return h(
    'dl',
    { class: 'properties' },
    h('dt', {}, 'Dates'),
    h('dd', { id: datesId, class: 'edge-dates' }, valid ?? 'undated'),
    ...Object.entries(edge.properties).flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, String(value))]),
  );
}

function endButton(entity: EntitySummary, handlers: DetailsHandlers): HTMLButtonElement {
  return h('button', { type: 'button', class: 'link node-link', 'data-key': entity.key, onclick: () => { handlers.selectNode(entity.key); } }, typeSwatch(entity.type, 12), ` ${entity.name}`);
}

/**
 * Evidence as the reader checks it: one entry per document (readable title,
 * authors, publisher, file), then each cited line range with its quoted lines.
 */
function evidenceList(citations: readonly CitationView[], quotes: ReadonlyMap<string, string> | null = null): HTMLOListElement {
  return h(
    'ol',
    { class: 'citations' },
    ...evidenceByDocument(citations).map((evidence) => {
      const first: CitationView = { document: evidence.document, startLine: 0, endLine: 0, source: evidence.source };
      const authors = authorList(first);
      const publisher = evidence.source?.publisher ?? null;
      return h(
        'li',
        { class: 'citation', 'data-document': evidence.document },
        h('cite', { class: 'citation-title' }, evidence.source?.title ?? evidence.document),
        authors !== null ? h('span', { class: 'citation-authors' }, ` — ${authors}`) : null,
        publisher !== null ? h('span', { class: 'citation-publisher' }, ` (${publisher})`) : null,
        ' ',
        h('code', { class: 'citation-document' }, evidence.document),
        h(
          'ul',
          { class: 'ranges' },
          ...evidence.ranges.map((range) => {
            const quote = range.quote ?? quotes?.get(quoteKey({ document: evidence.document, ...range })) ?? null;
            return h(
              'li',
              { class: 'range' },
              h('span', { class: 'citation-lines' }, lineRange({ ...first, startLine: range.startLine, endLine: range.endLine })),
              quote !== null ? h('blockquote', { class: 'quote' }, quote) : null,
            );
          }),
        ),
      );
    }),
  );
}

/** Where the entity comes from, in words: the seed documents or an analyst, and whether it was corrected since. */
function provenance(details: EntityDetails): string {
  const changes = details.version === 1 ? '' : ` (${details.version} curated versions)`;
  if (details.origin === 'CURATED') return `Added by an analyst through curation${changes}`;
  return details.version > 0 ? `From the seed documents, corrected through curation (version ${details.version})` : 'From the seed documents';
}

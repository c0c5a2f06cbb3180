/**
 * Routes: choose the two ends (search, or "Path from/to here" in the
 * details), ask, and read the k best routes the API ranks by cost, with the
 * ranking explained and toggles to avoid generic ties and hubs; each hop is
 * a button that opens its tie and evidence.
 */
import type { EntitySummary, PathView } from './api.js';
import { MAX_PATH_HOPS } from './api.js';
import { h, keepFocus, replaceChildren } from './dom.js';
import { createSearchBox, type SearchBox } from './search-box.js';

export interface PathHandlers {
  find(from: string, to: string): void;
  clear(): void;
  selectEdge(id: string): void;
  showPath(index: number): void;
  setAvoid(generic: boolean, hubs: boolean): void;
  onError(error: unknown): void;
}

/** What the panel shows under the ends. */
export type PathResults =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'paths'; readonly paths: readonly PathView[]; readonly filtered: boolean };

export class PathPanel {
  private readonly ends: { from: EntitySummary | null; to: EntitySummary | null } = { from: null, to: null };
  private readonly fromBox: SearchBox;
  private readonly toBox: SearchBox;
  private readonly findButton: HTMLButtonElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly results = h('div', { id: 'path-results', 'aria-live': 'polite' });
  private readonly avoidGeneric = h('input', { type: 'checkbox', id: 'avoid-generic' });
  private readonly avoidHubs = h('input', { type: 'checkbox', id: 'avoid-hubs' });

  constructor(container: HTMLElement, private readonly handlers: PathHandlers) {
    this.fromBox = createSearchBox({
      id: 'path-from',
      label: 'From',
      placeholder: 'e.g. Mitsui',
      onPick: (hit) => { this.setEnd('from', hit.entity); },
      onError: (error) => { handlers.onError(error); },
    });
    this.toBox = createSearchBox({
      id: 'path-to',
      label: 'To',
      placeholder: 'e.g. RDIF',
      onPick: (hit) => { this.setEnd('to', hit.entity); },
      onError: (error) => { handlers.onError(error); },
    });
    this.findButton = h('button', { type: 'button', id: 'path-find', class: 'primary', disabled: true, onclick: () => { this.find(); } }, 'Show best routes');
    const report = (): void => { handlers.setAvoid(this.avoidGeneric.checked, this.avoidHubs.checked); };
    this.avoidGeneric.addEventListener('change', report);
    this.avoidHubs.addEventListener('change', report);
    this.clearButton = h('button', { type: 'button', id: 'path-clear', disabled: true, onclick: () => { handlers.clear(); } }, 'Clear');
    replaceChildren(
      container,
      h('h2', {}, 'Routes'),
      this.fromBox.element,
      this.toBox.element,
      h(
        'ul',
        { class: 'checklist avoid' },
        h('li', {}, h('label', { for: 'avoid-generic', title: 'Leave out ties that say little: RELATED_TO, BASED_IN, LOCATED_IN …' }, this.avoidGeneric, ' Avoid generic ties')),
        h('li', {}, h('label', { for: 'avoid-hubs', title: 'Make passing through a well-connected entity (Japan, Russia …) cost four times more' }, this.avoidHubs, ' Avoid hubs')),
      ),
      h('div', { class: 'actions' }, this.findButton, this.clearButton),
      this.results,
    );
  }

  /** Sets one end (from the search or the details panel); asks at once when both ends are set. */
  setEnd(end: 'from' | 'to', entity: EntitySummary): void {
    this.ends[end] = entity;
    (end === 'from' ? this.fromBox : this.toBox).setText(entity.name);
    this.refreshButtons();
    if (this.ends.from !== null && this.ends.to !== null && this.ends.from.key !== this.ends.to.key) this.find();
  }

  /** Shows the view's path ends (names from `entities`) and results. */
  update(path: readonly [string, string] | null, entities: ReadonlyMap<string, EntitySummary>, results: PathResults, avoid = { generic: false, hubs: false }): void {
    this.avoidGeneric.checked = avoid.generic;
    this.avoidHubs.checked = avoid.hubs;
    if (path !== null) {
      const [from, to] = [entities.get(path[0]), entities.get(path[1])];
      if (from && this.ends.from?.key !== from.key) { this.ends.from = from; this.fromBox.setText(from.name); }
      if (to && this.ends.to?.key !== to.key) { this.ends.to = to; this.toBox.setText(to.name); }
    }
    this.clearButton.disabled = path === null && this.ends.from === null && this.ends.to === null;
    this.refreshButtons();
    keepFocus(this.results, () => { this.renderResults(results, entities); });
  }

  /** Forgets the chosen ends (after "Clear"). */
  reset(): void {
    this.ends.from = null;
    this.ends.to = null;
    this.fromBox.setText('');
    this.toBox.setText('');
    this.refreshButtons();
  }

  private find(): void {
    if (this.ends.from !== null && this.ends.to !== null && this.ends.from.key !== this.ends.to.key) this.handlers.find(this.ends.from.key, this.ends.to.key);
  }

  private refreshButtons(): void {
    this.findButton.disabled = this.ends.from === null || this.ends.to === null || this.ends.from.key === this.ends.to.key;
    if (this.ends.from !== null || this.ends.to !== null) this.clearButton.disabled = false;
  }

  private renderResults(results: PathResults, entities: ReadonlyMap<string, EntitySummary>): void {
    const name = (key: string): string => entities.get(key)?.name ?? key;
    switch (results.kind) {
      case 'none':
        replaceChildren(this.results);
        return;
      case 'loading':
        replaceChildren(this.results, h('p', { class: 'muted' }, 'Looking for paths…'));
        return;
      case 'error':
        replaceChildren(this.results, h('p', { class: 'error' }, results.message));
        return;
      case 'paths': {
        const { paths } = results;
        if (paths.length === 0) {
          replaceChildren(
            this.results,
            h('p', { class: 'muted', id: 'path-summary' }, `No route within ${MAX_PATH_HOPS} hops${results.filtered ? ' under these settings' : ''}.`),
          );
          return;
        }
        replaceChildren(
          this.results,
          h('p', { id: 'path-summary' }, `${paths.length} best ${paths.length === 1 ? 'route' : 'routes'}, cheapest first${results.filtered ? ' (under these settings)' : ''}:`),
          h(
            'details',
            { class: 'ranking', id: 'path-ranking' },
            h('summary', {}, 'How routes are ranked'),
            h(
              'p',
              { class: 'small' },
              'Each hop costs what its kind of tie costs (a specific tie such as OWNS or PARTY_TO 1, a generic one such as RELATED_TO or BASED_IN 4, a tie derived from shared evidence in between) plus a hub penalty for the entity it enters: ',
              h('code', {}, 'factor × log2(1 + its relationships)'),
              ', factor 0.5 (2 with “Avoid hubs”). A route’s cost is the sum; the cheapest comes first. Routes repeat no entity.',
            ),
          ),
          h(
            'ol',
            { class: 'paths' },
            ...paths.map((path, i) =>
              h(
                'li',
                { class: 'path', 'data-path': String(i), 'data-rank': String(path.rank) },
                h(
                  'button',
                  { type: 'button', class: 'link small show-path', onclick: () => { this.handlers.showPath(i); } },
                  `Route ${path.rank}: ${path.hops.length} ${path.hops.length === 1 ? 'hop' : 'hops'}, cost ${formatCost(path.cost)}`,
                ),
                h(
                  'ol',
                  { class: 'hops' },
                  ...path.hops.map((hop) =>
                    h(
                      'li',
                      {},
                      h(
                        'button',
                        { type: 'button', class: 'link hop', 'data-edge': hop.relationship.id, title: hop.relationship.relation, onclick: () => { this.handlers.selectEdge(hop.relationship.id); } },
                        hop.relationship.derived
                          ? `${name(hop.from)} —${hop.relationship.type}— ${name(hop.to)}`
                          : hop.forward
                            ? `${name(hop.from)} —${hop.relationship.type}→ ${name(hop.to)}`
                            : `${name(hop.from)} ←${hop.relationship.type}— ${name(hop.to)}`,
                        h('span', { class: 'hop-cost' }, ` (${formatCost(hop.cost)})`),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        );
        return;
      }
    }
  }
}

function formatCost(cost: number): string {
  return cost.toFixed(cost % 1 === 0 ? 0 : 1);
}

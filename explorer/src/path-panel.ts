/**
 * Shortest paths: choose the two ends (search, or "Path from/to here" in the
 * details), ask, and read the hops; each hop is a button that opens its
 * relationship and citations.
 */
import type { EntitySummary, PathView } from './api.js';
import { MAX_PATH_HOPS } from './api.js';
import { h, replaceChildren } from './dom.js';
import { createSearchBox, type SearchBox } from './search-box.js';

export interface PathHandlers {
  find(from: string, to: string): void;
  clear(): void;
  selectEdge(id: string): void;
  showPath(index: number): void;
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
    this.findButton = h('button', { type: 'button', id: 'path-find', class: 'primary', disabled: true, onclick: () => { this.find(); } }, 'Show shortest paths');
    this.clearButton = h('button', { type: 'button', id: 'path-clear', disabled: true, onclick: () => { handlers.clear(); } }, 'Clear');
    replaceChildren(
      container,
      h('h2', {}, 'Shortest paths'),
      this.fromBox.element,
      this.toBox.element,
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
  update(path: readonly [string, string] | null, entities: ReadonlyMap<string, EntitySummary>, results: PathResults): void {
    if (path !== null) {
      const [from, to] = [entities.get(path[0]), entities.get(path[1])];
      if (from && this.ends.from?.key !== from.key) { this.ends.from = from; this.fromBox.setText(from.name); }
      if (to && this.ends.to?.key !== to.key) { this.ends.to = to; this.toBox.setText(to.name); }
    }
    this.clearButton.disabled = path === null && this.ends.from === null && this.ends.to === null;
    this.refreshButtons();
    this.renderResults(results, entities);
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
            h('p', { class: 'muted', id: 'path-summary' }, `No path within ${MAX_PATH_HOPS} hops${results.filtered ? ' over the shown relationship types' : ''}.`),
          );
          return;
        }
        const hops = paths[0]?.hops.length ?? 0;
        replaceChildren(
          this.results,
          h('p', { id: 'path-summary' }, `${paths.length} shortest ${paths.length === 1 ? 'path' : 'paths'} of ${hops} ${hops === 1 ? 'hop' : 'hops'}${results.filtered ? ' (shown relationship types only)' : ''}:`),
          h(
            'ol',
            { class: 'paths' },
            ...paths.map((path, i) =>
              h(
                'li',
                { class: 'path', 'data-path': String(i) },
                h('button', { type: 'button', class: 'link small', onclick: () => { this.handlers.showPath(i); } }, `Show path ${i + 1}`),
                h(
                  'ol',
                  { class: 'hops' },
                  ...path.hops.map((hop) =>
                    h(
                      'li',
                      {},
                      h(
                        'button',
                        { type: 'button', class: 'link hop', 'data-edge': hop.relationship.id, onclick: () => { this.handlers.selectEdge(hop.relationship.id); } },
                        hop.forward
                          ? `${name(hop.from)} —${hop.relationship.type}→ ${name(hop.to)}`
                          : `${name(hop.from)} ←${hop.relationship.type}— ${name(hop.to)}`,
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

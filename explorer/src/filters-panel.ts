/**
 * Filters, which double as the legend: one checkbox per entity type with its
 * shape and colour, one per relationship type, and a slider over the years
 * the graph covers. Changes are reported at once; the page only re-filters
 * what it has loaded, so they are instant.
 */
import { ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES, RELATIONSHIPS } from '../../src/model/graph-model.js';
import { h, replaceChildren } from './dom.js';
import { TYPE_STYLES, typeSwatch } from './type-styles.js';
import type { ViewState } from './view-state.js';

export interface FiltersHandlers {
  setTypes(types: readonly string[] | null): void;
  setRels(rels: readonly string[] | null): void;
  setYears(from: number | null, to: number | null): void;
}

/** How many loaded entities and relationships have each type. */
export interface TypeCounts {
  readonly types: ReadonlyMap<string, number>;
  readonly rels: ReadonlyMap<string, number>;
}

export class FiltersPanel {
  private readonly typeBoxes = new Map<string, HTMLInputElement>();
  private readonly typeCounts = new Map<string, HTMLElement>();
  private readonly relBoxes = new Map<string, HTMLInputElement>();
  private readonly relCounts = new Map<string, HTMLElement>();
  private readonly relSummary = h('span', {});
  private readonly fromInput = h('input', { id: 'year-from', type: 'range', min: '0', max: '0', step: '1', disabled: true });
  private readonly toInput = h('input', { id: 'year-to', type: 'range', min: '0', max: '0', step: '1', disabled: true });
  private readonly fromOutput = h('output', { for: 'year-from', id: 'year-from-value' }, '–');
  private readonly toOutput = h('output', { for: 'year-to', id: 'year-to-value' }, '–');
  private bounds: { min: number; max: number } | null = null;

  constructor(container: HTMLElement, private readonly handlers: FiltersHandlers) {
    const typeRows = ENTITY_LABELS.map((type) => {
      const box = h('input', { type: 'checkbox', id: `type-${type}`, value: type, checked: true, onchange: () => { this.reportTypes(); } });
      const count = h('span', { class: 'count' });
      this.typeBoxes.set(type, box);
      this.typeCounts.set(type, count);
      return h('li', {}, h('label', { for: `type-${type}`, title: LABELS[type].description }, box, typeSwatch(type), ` ${TYPE_STYLES[type].label}`, count));
    });
    const relRows = RELATIONSHIP_TYPES.map((type) => {
      const box = h('input', { type: 'checkbox', id: `rel-${type}`, value: type, checked: true, onchange: () => { this.reportRels(); } });
      const count = h('span', { class: 'count' });
      this.relBoxes.set(type, box);
      this.relCounts.set(type, count);
      return h('li', {}, h('label', { for: `rel-${type}`, title: RELATIONSHIPS[type].description }, box, ` ${type}`, count));
    });
    for (const input of [this.fromInput, this.toInput]) {
      input.addEventListener('input', () => {
        this.reportYears(input);
      });
    }
    replaceChildren(
      container,
      h(
        'fieldset',
        { class: 'years' },
        h('legend', {}, 'Years'),
        h('div', { class: 'year-row' }, h('label', { for: 'year-from' }, 'From'), this.fromInput, this.fromOutput),
        h('div', { class: 'year-row' }, h('label', { for: 'year-to' }, 'To'), this.toInput, this.toOutput),
        h('p', { class: 'muted small' }, 'Undated entities and relationships always show.'),
      ),
      h(
        'fieldset',
        { class: 'types legend', id: 'legend' },
        h('legend', {}, 'Entity types'),
        h('ul', { class: 'checklist' }, ...typeRows),
        h('button', { type: 'button', class: 'link small', id: 'types-all', onclick: () => { this.handlers.setTypes(null); } }, 'Show all types'),
      ),
      h(
        'details',
        { class: 'rels' },
        h('summary', {}, 'Relationship types ', this.relSummary),
        h('ul', { class: 'checklist' }, ...relRows),
        h('button', { type: 'button', class: 'link small', id: 'rels-all', onclick: () => { this.handlers.setRels(null); } }, 'Show all relationship types'),
      ),
      h(
        'div',
        { class: 'marks' },
        h('h3', {}, 'Marks'),
        h(
          'ul',
          { class: 'marks-list' },
          h('li', {}, h('span', { class: 'mark mark-focus' }), 'opened entity'),
          h('li', {}, h('span', { class: 'mark mark-expanded' }), 'neighbourhood expanded'),
          h('li', {}, h('span', { class: 'mark mark-path' }), 'on a shortest path'),
          h('li', {}, h('span', { class: 'mark mark-selected' }), 'selected'),
        ),
      ),
    );
  }

  /** The years the graph covers: the slider's ends. */
  setBounds(bounds: { min: number; max: number } | null): void {
    this.bounds = bounds;
    for (const input of [this.fromInput, this.toInput]) {
      input.disabled = bounds === null;
      input.min = String(bounds?.min ?? 0);
      input.max = String(bounds?.max ?? 0);
    }
  }

  /** Shows the view's filters and the counts of what is loaded. */
  update(state: ViewState, counts: TypeCounts): void {
    for (const [type, box] of this.typeBoxes) box.checked = state.types === null || state.types.includes(type);
    for (const [type, el] of this.typeCounts) el.textContent = counts.types.has(type) ? ` ${counts.types.get(type) ?? 0}` : '';
    for (const [type, box] of this.relBoxes) box.checked = state.rels === null || state.rels.includes(type);
    for (const [type, el] of this.relCounts) {
      el.textContent = counts.rels.has(type) ? ` ${counts.rels.get(type) ?? 0}` : '';
      el.closest('li')?.classList.toggle('absent', !counts.rels.has(type));
    }
    this.relSummary.textContent = state.rels === null ? '(all shown)' : `(${state.rels.length} of ${RELATIONSHIP_TYPES.length} shown)`;
    if (this.bounds !== null) {
      const from = Math.max(state.from ?? this.bounds.min, this.bounds.min);
      const to = Math.min(state.to ?? this.bounds.max, this.bounds.max);
      this.fromInput.value = String(from);
      this.toInput.value = String(to);
      this.fromOutput.textContent = String(from);
      this.toOutput.textContent = String(to);
      this.fromInput.setAttribute('aria-valuetext', `from ${from}`);
      this.toInput.setAttribute('aria-valuetext', `to ${to}`);
    }
  }

  private reportTypes(): void {
    const checked = [...this.typeBoxes].filter(([, box]) => box.checked).map(([type]) => type);
    this.handlers.setTypes(checked.length === this.typeBoxes.size ? null : checked);
  }

  private reportRels(): void {
    const checked = [...this.relBoxes].filter(([, box]) => box.checked).map(([type]) => type);
    this.handlers.setRels(checked.length === this.relBoxes.size ? null : checked);
  }

  /** Keeps from ≤ to (moving one end past the other pushes it along) and reports the window. */
  private reportYears(moved: HTMLInputElement): void {
    if (this.bounds === null) return;
    let from = Number(this.fromInput.value);
    let to = Number(this.toInput.value);
    if (from > to) {
      if (moved === this.fromInput) to = from;
      else from = to;
    }
    this.handlers.setYears(from <= this.bounds.min ? null : from, to >= this.bounds.max ? null : to);
  }
}

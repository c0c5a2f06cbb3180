/**
 * Filters, which double as the legend: one checkbox per entity type with its
 * shape and colour (counts of what is shown, of what is loaded), one per
 * relationship type, and one range control over the years the graph covers,
 * with playback (the window's end walks through the years in which loaded
 * things start or end) and the policy for undated ties. Changes are reported
 * at once; the page only re-filters what it has loaded, so they are instant.
 */
import { ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES, RELATIONSHIPS } from '../../src/model/graph-model.js';
import { h, replaceChildren } from './dom.js';
import { TYPE_STYLES, typeSwatch } from './type-styles.js';
import { PROVENANCES, SIZE_METRICS, type Layer, type Provenance, type SizeMetric, type ViewState } from './view-state.js';

export interface FiltersHandlers {
  setTypes(types: readonly string[] | null): void;
  setRels(rels: readonly string[] | null): void;
  setYears(from: number | null, to: number | null): void;
  setUndated(undated: 'show' | 'hide'): void;
  setLayers(layers: readonly Layer[]): void;
  setSize(metric: SizeMetric): void;
  setOrigins(origins: readonly Provenance[]): void;
}

const PROVENANCE_LABELS: Readonly<Record<Provenance, { label: string; title: string }>> = {
  seed: { label: 'Seed documents', title: 'Facts loaded from the five seed documents (a curated correction of one stays here)' },
  curated: { label: 'Curated', title: 'Facts an analyst added through the curation API' },
  retracted: { label: 'Retracted', title: 'Facts a curator withdrew: hidden from every read, drawn here in red dashes for review, with who, when and why' },
};

const SIZE_LABELS: Readonly<Record<SizeMetric, string>> = {
  degree: 'degree (ties shown)',
  betweenness: 'betweenness',
  pagerank: 'PageRank',
  none: 'nothing (all alike)',
};

/** How many entities and relationships of each type are shown under the filters, of those loaded. */
export interface TypeCounts {
  readonly types: ReadonlyMap<string, { readonly shown: number; readonly loaded: number }>;
  readonly rels: ReadonlyMap<string, { readonly shown: number; readonly loaded: number }>;
}

export class FiltersPanel {
  private readonly typeBoxes = new Map<string, HTMLInputElement>();
  private readonly typeCounts = new Map<string, HTMLElement>();
  private readonly relBoxes = new Map<string, HTMLInputElement>();
  private readonly relCounts = new Map<string, HTMLElement>();
  private readonly relSummary = h('span', {});
  private readonly fromInput = h('input', { id: 'year-from', type: 'range', min: '0', max: '0', step: '1', disabled: true, 'aria-label': 'From year' });
  private readonly toInput = h('input', { id: 'year-to', type: 'range', min: '0', max: '0', step: '1', disabled: true, 'aria-label': 'To year' });
  private readonly fromOutput = h('output', { for: 'year-from', id: 'year-from-value' }, '–');
  private readonly toOutput = h('output', { for: 'year-to', id: 'year-to-value' }, '–');
  private readonly playButton = h('button', { type: 'button', id: 'play-button', 'aria-pressed': 'false', disabled: true, title: 'Play: the window’s end moves through the years; ties and entities appear as their dates pass' }, '▶ Play');
  private readonly undatedSelect = h(
    'select',
    { id: 'undated-policy' },
    h('option', { value: 'show' }, 'shown in every window'),
    h('option', { value: 'hide' }, 'left out when a window is set'),
  );
  private readonly undatedNote = h('p', { class: 'muted small', id: 'undated-note' });
  private readonly contextBox = h('input', { type: 'checkbox', id: 'layer-context' });
  private readonly evidenceBox = h('input', { type: 'checkbox', id: 'layer-evidence' });
  private readonly originBoxes = new Map<Provenance, HTMLInputElement>();
  private readonly sizeSelect = h('select', { id: 'size-metric' }, ...SIZE_METRICS.map((m) => h('option', { value: m }, SIZE_LABELS[m])));
  private bounds: { min: number; max: number } | null = null;
  private stops: readonly number[] = [];
  private state: ViewState | null = null;
  private playTimer = 0;

  constructor(container: HTMLElement, private readonly handlers: FiltersHandlers) {
    const typeRows = ENTITY_LABELS.map((type) => {
      const box = h('input', { type: 'checkbox', id: `type-${type}`, value: type, checked: true, onchange: () => { this.reportTypes(); } });
      const count = h('span', { class: 'count' });
      this.typeBoxes.set(type, box);
      this.typeCounts.set(type, count);
      return h('li', {}, h('label', { for: `type-${type}`, title: LABELS[type].description }, box, typeSwatch(type), ` ${TYPE_STYLES[type].label}`, count));
    });
    const originRows = PROVENANCES.map((origin) => {
      const box = h('input', { type: 'checkbox', id: `origin-${origin}`, value: origin, checked: origin !== 'retracted', onchange: () => { this.reportOrigins(); } });
      this.originBoxes.set(origin, box);
      const { label, title } = PROVENANCE_LABELS[origin];
      return h('li', {}, h('label', { for: `origin-${origin}`, title }, box, h('span', { class: `mark mark-origin-${origin}` }), ` ${label}`));
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
        this.stop();
        this.reportYears(input);
      });
    }
    this.playButton.addEventListener('click', () => {
      if (this.playTimer !== 0) this.stop();
      else this.play();
    });
    this.undatedSelect.addEventListener('change', () => {
      this.handlers.setUndated(this.undatedSelect.value === 'hide' ? 'hide' : 'show');
    });
    const reportLayers = (): void => {
      const layers: Layer[] = ['ACTORS'];
      if (this.contextBox.checked) layers.push('CONTEXT');
      if (this.evidenceBox.checked) layers.push('EVIDENCE');
      this.handlers.setLayers(layers);
    };
    this.contextBox.addEventListener('change', reportLayers);
    this.evidenceBox.addEventListener('change', reportLayers);
    this.sizeSelect.addEventListener('change', () => { this.handlers.setSize(this.sizeSelect.value as SizeMetric); });
    replaceChildren(
      container,
      h(
        'fieldset',
        { class: 'layers' },
        h('legend', {}, 'Map'),
        h(
          'ul',
          { class: 'checklist' },
          h('li', {}, h('label', { for: 'layer-context', title: 'Events, treaties, policies, projects, places and sanctions as entities; unticked, they fold into ties between actors' }, this.contextBox, ' Context (events, treaties …)')),
          h('li', {}, h('label', { for: 'layer-evidence', title: 'Statements, figures and source documents as entities; unticked, they fold into the ties they support' }, this.evidenceBox, ' Evidence layer (statements, figures)')),
        ),
        h('p', { class: 'muted small' }, 'Actors always show; hidden layers fold into dashed ties, with their evidence one click away.'),
        h('div', { class: 'play-row' }, h('label', { for: 'size-metric', class: 'small' }, 'Size by'), this.sizeSelect),
      ),
      h(
        'fieldset',
        { class: 'origins', id: 'origin-filter' },
        h('legend', {}, 'Provenance'),
        h('ul', { class: 'checklist' }, ...originRows),
      ),
      h(
        'fieldset',
        { class: 'years' },
        h('legend', {}, 'Time'),
        h(
          'div',
          { class: 'year-window' },
          this.fromOutput,
          h('div', { class: 'dual-range', role: 'group', 'aria-label': 'Year window' }, this.fromInput, this.toInput),
          this.toOutput,
        ),
        h('div', { class: 'play-row' }, this.playButton, h('label', { for: 'undated-policy', class: 'small' }, 'Undated ties'), this.undatedSelect),
        this.undatedNote,
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

  /** Shows the view's filters, the counts of what is shown of what is loaded, and the years playback stops at. */
  update(state: ViewState, counts: TypeCounts, stops: readonly number[] = []): void {
    this.state = state;
    this.stops = stops;
    for (const [type, box] of this.typeBoxes) box.checked = state.types === null || state.types.includes(type);
    for (const [type, el] of this.typeCounts) showCount(el, counts.types.get(type));
    for (const [type, box] of this.relBoxes) box.checked = state.rels === null || state.rels.includes(type);
    for (const [type, el] of this.relCounts) {
      showCount(el, counts.rels.get(type));
      el.closest('li')?.classList.toggle('absent', !counts.rels.has(type));
    }
    this.undatedSelect.value = state.undated;
    this.contextBox.checked = state.layers.includes('CONTEXT');
    this.evidenceBox.checked = state.layers.includes('EVIDENCE');
    this.sizeSelect.value = state.size;
    for (const [origin, box] of this.originBoxes) box.checked = state.origins.includes(origin);
    this.undatedNote.textContent =
      state.undated === 'show'
        ? 'Undated ties and entities show in every window (most ties carry no date of their own).'
        : state.from === null && state.to === null
          ? 'Undated ties show until a window is set.'
          : 'Undated ties are left out of this window; undated entities show when a dated tie reaches them.';
    this.playButton.disabled = this.bounds === null || stops.length < 2;
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

  /** Starts playback: the window's end steps through the years in which loaded things start or end, then opens up again. */
  private play(): void {
    if (this.bounds === null || this.state === null) return;
    const from = this.state.from ?? this.bounds.min;
    const stops = this.stops.filter((year) => year >= from && year <= this.bounds!.max);
    if (stops.length === 0) return;
    const delay = Math.min(900, Math.max(250, Math.round(12_000 / stops.length)));
    let index = 0;
    this.playButton.setAttribute('aria-pressed', 'true');
    this.playButton.textContent = '❚❚ Pause';
    const step = (): void => {
      if (index >= stops.length) {
        this.stop();
        this.handlers.setYears(this.state?.from ?? null, null);
        return;
      }
      const year = stops[index++]!;
      this.handlers.setYears(this.state?.from ?? null, year >= this.bounds!.max ? null : year);
      this.playTimer = window.setTimeout(step, delay);
    };
    step();
  }

  /** Stops playback where it is. */
  stop(): void {
    window.clearTimeout(this.playTimer);
    this.playTimer = 0;
    this.playButton.setAttribute('aria-pressed', 'false');
    this.playButton.textContent = '▶ Play';
  }

  private reportTypes(): void {
    const checked = [...this.typeBoxes].filter(([, box]) => box.checked).map(([type]) => type);
    this.handlers.setTypes(checked.length === this.typeBoxes.size ? null : checked);
  }

  private reportOrigins(): void {
    this.handlers.setOrigins([...this.originBoxes].filter(([, box]) => box.checked).map(([origin]) => origin));
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

/** "12" when all loaded show, "5 / 12" when filters hide some; nothing when none is loaded. */
function showCount(element: HTMLElement, count: { shown: number; loaded: number } | undefined): void {
  element.textContent = count === undefined ? '' : count.shown === count.loaded ? ` ${count.loaded}` : ` ${count.shown} / ${count.loaded}`;
  element.title = count === undefined ? '' : `${count.shown} shown of ${count.loaded} loaded`;
}

/**
 * A search field with a list of matches (the ARIA combobox pattern): type,
 * move with the arrow keys, Enter opens the highlighted match (the first if
 * none is), Escape closes the list. Used for the main search and for the two
 * ends of a path.
 */
import { searchEntities, type SearchHitView } from './api.js';
import { h, replaceChildren } from './dom.js';
import { typeStyle, typeSwatch } from './type-styles.js';

export interface SearchBoxOptions {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  /** Hide the label visually (it stays for screen readers). */
  readonly hideLabel?: boolean;
  onPick(hit: SearchHitView): void;
  onError(error: unknown): void;
}

export interface SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Puts text in the field without searching (e.g. the name of a chosen entity). */
  setText(text: string): void;
}

const DEBOUNCE_MS = 150;

/** Builds a search field and its list of matches. */
export function createSearchBox(options: SearchBoxOptions): SearchBox {
  const listId = `${options.id}-results`;
  const input = h('input', {
    id: options.id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: options.placeholder,
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', hidden: true, 'aria-label': `${options.label}: matches` });
  const label = h('label', { for: options.id, class: options.hideLabel ? 'visually-hidden' : 'field-label' }, options.label);
  const element = h('div', { class: 'search-box' }, label, input, list);

  let hits: SearchHitView[] = [];
  let hitsFor = '';
  let active = -1;
  let timer: number | undefined;
  let sequence = 0;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const render = (): void => {
    if (hitsFor === '' || input.value.trim() !== hitsFor) return;
    if (hits.length === 0) {
      replaceChildren(list, h('li', { class: 'search-empty', role: 'presentation' }, `No entity matches “${hitsFor}”.`));
    } else {
      replaceChildren(
        list,
        ...hits.map((hit, i) => {
          const alias = matchingAlias(hit, hitsFor);
          return h(
            'li',
            {
              id: `${options.id}-option-${i}`,
              role: 'option',
              class: 'search-option',
              'aria-selected': i === active ? 'true' : 'false',
              'data-key': hit.entity.key,
              onmousedown: (event: Event) => {
                event.preventDefault(); // keep focus in the field
              },
              onclick: () => {
                pick(i);
              },
            },
            typeSwatch(hit.entity.type),
            h('span', { class: 'option-name' }, hit.entity.name),
            h('span', { class: 'option-type' }, typeStyle(hit.entity.type).label),
            alias !== null ? h('span', { class: 'option-alias' }, `also “${alias}”`) : null,
          );
        }),
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${options.id}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const run = async (text: string): Promise<void> => {
    const mine = ++sequence;
    try {
      const found = await searchEntities(text);
      if (mine !== sequence) return;
      hits = found;
      hitsFor = text;
      active = -1;
      render();
    } catch (error) {
      if (mine === sequence) options.onError(error);
    }
  };

  const pick = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    close();
    input.value = hit.entity.name;
    hitsFor = '';
    options.onPick(hit);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      sequence++;
      hits = [];
      hitsFor = '';
      close();
      return;
    }
    timer = window.setTimeout(() => void run(text), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const text = input.value.trim();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0 || text !== hitsFor) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
      document.getElementById(`${options.id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (text.length < 2) return;
      if (text === hitsFor) pick(Math.max(active, 0));
      else {
        // Enter before the debounced search answered: search now, then open the best match.
        window.clearTimeout(timer);
        void run(text).then(() => {
          if (hitsFor === text) pick(0);
        });
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value !== '') {
        event.preventDefault();
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => {
    close();
  });
  input.addEventListener('focus', () => {
    if (hits.length > 0 && input.value.trim() === hitsFor) render();
  });

  return {
    element,
    input,
    setText(text: string) {
      input.value = text;
      hitsFor = '';
      hits = [];
      close();
    },
  };
}

/** The alias that matched, when the name itself does not contain the text searched for. */
function matchingAlias(hit: SearchHitView, text: string): string | null {
  const wanted = fold(text);
  if (fold(hit.entity.name).includes(wanted)) return null;
  return hit.aliases.find((alias) => fold(alias).includes(wanted)) ?? null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

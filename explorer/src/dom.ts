/** A tiny element builder: the page needs no framework. */

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: `on*` attributes become event listeners, `true` sets a
 * boolean attribute, null/undefined/false leave it out. Text children are
 * text nodes, never HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all of an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The element with this id, or an error naming it (the page's HTML and this script are built together). */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element;
}

/**
 * Re-renders a panel without losing the keyboard user's place: if focus was
 * inside it, it goes back to the element with the same id or data key, or
 * else to the panel's heading, never to the page's <body>.
 */
export function keepFocus(panel: HTMLElement, render: () => void): void {
  const active = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement : null;
  const selector = active === null ? null : focusSelector(active);
  render();
  if (active === null) return;
  const again = selector !== null ? panel.querySelector<HTMLElement>(selector) : null;
  const target = again ?? panel.querySelector<HTMLElement>('h2');
  if (target) {
    if (target.tagName === 'H2') target.tabIndex = -1;
    target.focus({ preventScroll: again === null });
  }
}

function focusSelector(element: HTMLElement): string | null {
  if (element.id) return `#${CSS.escape(element.id)}`;
  for (const name of ['data-key', 'data-edge', 'data-type']) {
    const value = element.getAttribute(name);
    if (value !== null) return `${element.tagName.toLowerCase()}.${[...element.classList].map((c) => CSS.escape(c)).join('.')}[${name}="${CSS.escape(value)}"]`;
  }
  return null;
}

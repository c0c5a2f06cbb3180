/**
 * How each kind of entity looks: a colour and a shape per type, used by the
 * graph's stylesheet and by the legend, so the two cannot disagree.
 * Colours are Tableau's categorical palette; no two types share both.
 */
import type { Css } from 'cytoscape';
import type { EntityLabel } from '../../src/model/graph-model.js';

export interface TypeStyle {
  readonly color: string;
  readonly shape: Css.NodeShape;
  /** Shown in the legend. */
  readonly label: string;
}

export const TYPE_STYLES: Readonly<Record<EntityLabel, TypeStyle>> = {
  Person: { color: '#4e79a7', shape: 'ellipse', label: 'Person' },
  Country: { color: '#e15759', shape: 'round-rectangle', label: 'Country' },
  InternationalOrganization: { color: '#b07aa1', shape: 'round-octagon', label: 'International organisation' },
  PublicBody: { color: '#f28e2b', shape: 'barrel', label: 'Public body' },
  Company: { color: '#59a14f', shape: 'diamond', label: 'Company or fund' },
  Organization: { color: '#499894', shape: 'round-pentagon', label: 'Organisation' },
  Treaty: { color: '#9c755f', shape: 'tag', label: 'Treaty or agreement' },
  Policy: { color: '#edc948', shape: 'round-heptagon', label: 'Policy or plan' },
  Project: { color: '#8cd17d', shape: 'rhomboid', label: 'Project' },
  Event: { color: '#ff9da7', shape: 'round-triangle', label: 'Event' },
  Place: { color: '#b6992d', shape: 'hexagon', label: 'Place' },
  Sanction: { color: '#c2185b', shape: 'octagon', label: 'Sanction' },
  Observation: { color: '#bab0ac', shape: 'cut-rectangle', label: 'Figure' },
  Source: { color: '#79706e', shape: 'rectangle', label: 'Source document' },
  Statement: { color: '#a0cbe8', shape: 'round-tag', label: 'Statement' },
};

const FALLBACK: TypeStyle = { color: '#999999', shape: 'ellipse', label: 'Other' };

/** The style of a type, with a grey fallback for a type this page does not know yet. */
export function typeStyle(type: string): TypeStyle {
  return Object.hasOwn(TYPE_STYLES, type) ? TYPE_STYLES[type as EntityLabel] : FALLBACK;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG of the type's shape and colour, for the legend and lists. */
export function typeSwatch(type: string, size = 16): SVGSVGElement {
  const { color, shape } = typeStyle(type);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '-1.25 -1.25 2.5 2.5');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const round = shape.startsWith('round-');
  const base = round ? shape.slice('round-'.length) : shape;
  let element: SVGElement;
  if (base === 'ellipse') {
    element = document.createElementNS(SVG, 'circle');
    element.setAttribute('r', '1');
  } else if (base === 'rectangle' && round) {
    element = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ x: '-1', y: '-1', width: '2', height: '2', rx: '0.45' })) element.setAttribute(k, v);
  } else if (base === 'barrel') {
    element = document.createElementNS(SVG, 'path');
    element.setAttribute('d', 'M-0.8,-1 L0.8,-1 Q1.1,0 0.8,1 L-0.8,1 Q-1.1,0 -0.8,-1 Z');
  } else {
    element = document.createElementNS(SVG, 'polygon');
    element.setAttribute('points', polygonPoints(base));
    if (round) {
      element.setAttribute('stroke', color);
      element.setAttribute('stroke-width', '0.35');
      element.setAttribute('stroke-linejoin', 'round');
    }
  }
  element.setAttribute('fill', color);
  svg.append(element);
  return svg;
}

const POLYGONS: Readonly<Record<string, readonly number[]>> = {
  rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  tag: [-1, -1, 0.5, -1, 1, 0, 0.5, 1, -1, 1],
  rhomboid: [-0.33, -1, 1, -1, 0.33, 1, -1, 1],
  'cut-rectangle': [-0.65, -1, 0.65, -1, 1, -0.65, 1, 0.65, 0.65, 1, -0.65, 1, -1, 0.65, -1, -0.65],
};
const SIDES: Readonly<Record<string, number>> = { triangle: 3, pentagon: 5, hexagon: 6, heptagon: 7, octagon: 8 };

/** Points of a shape as Cytoscape draws it (regular polygons as its generateUnitNgonPoints, fitted to the square). */
function polygonPoints(shape: string): string {
  const sides = SIDES[shape];
  let points: number[];
  if (sides === undefined) points = [...(POLYGONS[shape] ?? POLYGONS['rectangle']!)];
  else {
    const step = (2 * Math.PI) / sides;
    const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
    points = [];
    for (let i = 0; i < sides; i++) points.push(Math.cos(start + i * step), -Math.sin(start + i * step));
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    points = points.map((v, i) => (i % 2 === 0 ? ((v - minX) / (maxX - minX)) * 2 - 1 : ((v - minY) / (maxY - minY)) * 2 - 1));
  }
  const pairs: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push(`${points[i]!.toFixed(3)},${points[i + 1]!.toFixed(3)}`);
  return pairs.join(' ');
}

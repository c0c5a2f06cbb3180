/** The graph's Cytoscape stylesheet: shapes and colours by type, and how focus, paths and selection stand out. */
import type { StylesheetJson } from 'cytoscape';
import { TYPE_STYLES } from './type-styles.js';

/** Colour of highlighted paths: darker than any type colour, so it reads as "on top". */
export const PATH_COLOR = '#1b1b1f';
export const SELECTION_COLOR = '#0a66d8';
const EDGE_COLOR = '#a9b4c0';
/** Retracted facts (shown for review only): dotted, in a colour no type and no other mark uses. */
export const RETRACTED_COLOR = '#8a1c7c';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** The stylesheet; element classes: focus, expanded, capped, merged, path, faded, hidden, label-hidden, label-top/right/left, hover; data `provenance` marks retracted facts. */
export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 'data(fs)',
        color: '#1d2733',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'line-height': 1.1,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(TYPE_STYLES).map(([type, style]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': style.color, shape: style.shape },
    })),
    { selector: 'node.expanded', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#1d2733' } },
    { selector: 'node.focus', style: { width: 44, height: 44, 'border-width': 3, 'border-style': 'solid', 'border-color': '#1d2733', 'font-weight': 'bold', 'z-index': 20 } },
    {
      selector: 'edge',
      style: {
        width: 1.3,
        'line-opacity': 0.75,
        'line-color': EDGE_COLOR,
        'target-arrow-color': EDGE_COLOR,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 'data(fs)',
        label: 'data(caption)',
        color: '#3b4653',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node.focus, node.path, node:selected', style: { 'text-max-width': '170px' } },
    { selector: 'node.capped', style: { 'border-color': '#b3261e', 'border-style': 'dashed', 'border-width': 3 } },
    { selector: 'edge.merged', style: { width: 3, 'line-opacity': 0.9 } },
    { selector: 'edge.derived', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3], 'target-arrow-shape': 'none' } },
    {
      selector: 'node[provenance = "retracted"]',
      style: { 'background-opacity': 0.3, 'border-width': 3, 'border-style': 'dotted', 'border-color': RETRACTED_COLOR, color: RETRACTED_COLOR, 'font-style': 'italic' },
    },
    {
      selector: 'edge[provenance = "retracted"]',
      style: { 'line-style': 'dotted', 'line-color': RETRACTED_COLOR, 'target-arrow-color': RETRACTED_COLOR, width: 2, color: RETRACTED_COLOR, 'font-style': 'italic' },
    },
    // A route's names sit on an opaque ground: route lines run close to them (Japan's, between its two dashed ties).
    { selector: 'node.path', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': PATH_COLOR, 'z-index': 30, 'text-background-opacity': 1 } },
    {
      selector: 'edge.path',
      style: { width: 4.5, 'line-opacity': 1, 'line-color': PATH_COLOR, 'target-arrow-color': PATH_COLOR, 'arrow-scale': 1.1, color: '#1d2733', 'font-weight': 'bold', 'z-index': 30 },
    },
    { selector: '.faded', style: { opacity: 0.28 } },
    { selector: '.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // Where label placement moved a name that would collide below its entity (LABEL_SIDES in graph-view.ts).
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 3, 'text-margin-y': 0 } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -3, 'text-margin-y': 0 } },
    { selector: 'node:selected', style: { 'overlay-color': SELECTION_COLOR, 'overlay-opacity': 0.22, 'overlay-padding': 7, 'text-opacity': 1, 'text-background-opacity': 0.9, 'z-index': 40 } },
    { selector: 'edge:selected', style: { width: 4, 'line-opacity': 1, 'line-color': SELECTION_COLOR, 'target-arrow-color': SELECTION_COLOR, 'text-opacity': 1, 'text-background-opacity': 0.9, opacity: 1, 'z-index': 40 } },
    { selector: '.hover', style: { 'text-opacity': 1, 'text-background-opacity': 0.9, opacity: 1, 'z-index': 50 } },
    { selector: 'edge.hover', style: { label: 'data(full)', 'text-wrap': 'wrap', 'text-max-width': '240px' } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

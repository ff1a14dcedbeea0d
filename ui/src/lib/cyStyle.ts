/**
 * The Cytoscape stylesheet: shapes and colours per unit kind, edge width and
 * colour from the data `graph.ts` computes, and the states (selected, faded,
 * being drawn). Kind colours and shapes are shared with the legend.
 */
import type { StylesheetJson } from 'cytoscape';
import type { UnitKind } from './types';

export const FONT = '"Inter Variable", "Inter", "Segoe UI", system-ui, -apple-system, "Noto Sans", "DejaVu Sans", sans-serif';

export const KIND_STYLE: Record<UnitKind, { colour: string; border: string; shape: string }> = {
  business: { colour: '#7f93ab', border: '#55697f', shape: 'ellipse' },
  it: { colour: '#2f5f9e', border: '#1d3f6e', shape: 'round-rectangle' },
  digital: { colour: '#7b5ea7', border: '#563f7a', shape: 'hexagon' },
  external: { colour: '#c28f45', border: '#8f6428', shape: 'round-diamond' },
};

export const NODE_SIZE = 42;

/**
 * The stylesheet. On `large` maps labels too small to read are not drawn and
 * edges are straight: the two directions of a pair share one line (an arrow
 * at each end) instead of two curves, because placing the curves of 8,000
 * edges took about 0.4 s of the 2 s it took to open a 2,000-unit map
 * (BENCHMARKS.md).
 */
export function stylesheet(large = false): StylesheetJson {
  const kinds = (Object.keys(KIND_STYLE) as UnitKind[]).map((k) => ({
    selector: `node.kind-${k}`,
    style: {
      'background-color': KIND_STYLE[k].colour,
      'border-color': KIND_STYLE[k].border,
      shape: KIND_STYLE[k].shape,
    },
  }));
  // Cytoscape's typings reject data mappers and some valid shapes; the
  // stylesheet is checked by looking at it (and by Cytoscape's own warnings).
  const sheet = [
    {
      selector: 'node',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        'border-width': 2,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 12,
        'font-weight': 600,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 6,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? 7 : 0,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...kinds,
    {
      selector: 'node:selected',
      style: {
        'border-width': 4,
        'border-color': '#111827',
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': large ? 'straight' : 'bezier',
        'control-point-step-size': 36,
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.85,
        'line-opacity': 0.92,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    { selector: 'edge.unrated', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge:selected',
      style: {
        'underlay-color': '#111827',
        'underlay-opacity': 0.18,
        'underlay-padding': 5,
        'overlay-opacity': 0,
      },
    },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'node.faded', style: { 'text-opacity': 0.35 } },
    {
      selector: '.eh-ghost-edge, edge.eh-preview',
      style: {
        'line-color': '#2f5f9e',
        'target-arrow-color': '#2f5f9e',
        'line-style': 'dashed',
        width: 2.5,
        opacity: 0.9,
      },
    },
    { selector: '.eh-ghost-node', style: { opacity: 0, label: '' } },
    { selector: 'node.eh-hover, node.eh-target', style: { 'border-width': 4, 'border-color': '#2f5f9e' } },
    { selector: 'node.eh-source', style: { 'border-width': 4, 'border-color': '#2f5f9e' } },
  ];
  return sheet as unknown as StylesheetJson;
}

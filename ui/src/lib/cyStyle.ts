/**
 * The Cytoscape stylesheet: shapes and colours per unit kind, edge width and
 * colour from the data `graph.ts` computes, and the states (selected, faded,
 * being drawn). Every value comes from the core's drawing rules
 * (`RENDER_STYLE`, generated from `recimap::render::Style`), so the canvas
 * and the exported pictures look the same.
 */
import type { StylesheetJson } from 'cytoscape';
import type { UnitKind } from './types';
import type { KindStyle } from './bindings/KindStyle';
import { RENDER_STYLE as S } from './ipc/renderStyle';

export const FONT = S.font_family;

/** How each kind of unit is drawn (also the legend's and lists' colours). */
export const KIND_STYLE = Object.fromEntries(S.kinds.map((k) => [k.kind, k])) as Record<UnitKind, KindStyle>;

export const NODE_SIZE = S.node_size;

/**
 * The stylesheet. On `large` maps labels too small to read are not drawn and
 * edges are straight, because placing the curves of 8,000 edges took about
 * 0.4 s of the 2 s it took to open a 2,000-unit map (BENCHMARKS.md): the two
 * directions of a pair then bend once, each to its own side, as far from the
 * straight line as the middle of a small map's curves (Cytoscape puts a
 * pair's control points half a step off the line, and a quadratic curve's
 * middle lies halfway to its control point), so they are never drawn on top
 * of each other.
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
        'border-width': S.node_border_width,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': S.label_font_size,
        'font-weight': S.label_font_weight,
        color: S.label_colour,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': S.label_margin,
        'text-wrap': 'wrap',
        'text-max-width': `${S.label_max_width}px`,
        'text-background-color': S.label_background,
        'text-background-opacity': S.label_background_opacity,
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
        'control-point-step-size': S.control_point_step,
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': S.arrow_scale,
        'line-opacity': S.edge_opacity,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...(large
      ? [
          {
            selector: 'edge.two-way',
            style: { 'curve-style': 'segments', 'segment-distances': S.control_point_step / 4, 'segment-weights': 0.5 },
          },
        ]
      : []),
    { selector: 'edge.unrated, edge.trend-gone', style: { 'line-style': 'dashed', 'line-dash-pattern': S.unrated_dash } },
    {
      selector: 'edge:selected',
      style: {
        'underlay-color': '#111827',
        'underlay-opacity': 0.18,
        'underlay-padding': 5,
        'overlay-opacity': 0,
      },
    },
    { selector: '.faded', style: { opacity: S.faded_opacity } },
    { selector: 'node.faded', style: { 'text-opacity': 0.35 } },
    {
      selector: '.eh-ghost-edge, edge.eh-preview',
      style: {
        'line-color': S.accent,
        'target-arrow-color': S.accent,
        'line-style': 'dashed',
        width: 2.5,
        opacity: 0.9,
      },
    },
    { selector: '.eh-ghost-node', style: { opacity: 0, label: '' } },
    { selector: 'node.eh-hover, node.eh-target', style: { 'border-width': 4, 'border-color': S.accent } },
    { selector: 'node.eh-source', style: { 'border-width': 4, 'border-color': S.accent } },
  ];
  return sheet as unknown as StylesheetJson;
}

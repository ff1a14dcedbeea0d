// Generated from recimap_render::Style::default() by scripts/gen-bindings.sh. Do not edit.
import type { Style } from '../bindings/Style';

export const RENDER_STYLE: Style = {
  "font_family": "\"Inter Variable\", \"Inter\", \"Segoe UI\", system-ui, -apple-system, \"Noto Sans\", \"DejaVu Sans\", sans-serif",
  "node_size": 42.0,
  "node_border_width": 2.0,
  "kinds": [
    {
      "kind": "business",
      "label": "Business department",
      "colour": "#7f93ab",
      "border": "#55697f",
      "shape": "ellipse"
    },
    {
      "kind": "it",
      "label": "IT",
      "colour": "#2f5f9e",
      "border": "#1d3f6e",
      "shape": "round-rectangle"
    },
    {
      "kind": "digital",
      "label": "Digital",
      "colour": "#7b5ea7",
      "border": "#563f7a",
      "shape": "hexagon"
    },
    {
      "kind": "external",
      "label": "External party",
      "colour": "#c28f45",
      "border": "#8f6428",
      "shape": "round-diamond"
    }
  ],
  "label_font_size": 12.0,
  "label_font_weight": 600,
  "label_colour": "#1f2933",
  "label_margin": 6.0,
  "label_max_width": 120.0,
  "label_background": "#ffffff",
  "label_background_opacity": 0.85,
  "balance_stops": [
    {
      "at": 0.0,
      "rgb": [
        214,
        76,
        76
      ]
    },
    {
      "at": 0.5,
      "rgb": [
        230,
        160,
        50
      ]
    },
    {
      "at": 1.0,
      "rgb": [
        46,
        158,
        110
      ]
    }
  ],
  "unrated_colour": "#a3acb9",
  "min_width": 1.5,
  "max_width": 9.0,
  "unrated_dash": [
    6.0,
    4.0
  ],
  "edge_opacity": 0.92,
  "arrow_scale": 0.85,
  "control_point_step": 36.0,
  "faded_opacity": 0.12,
  "badges": [
    {
      "badge": "spof",
      "text": "Single point",
      "hint": "Single point of failure: others are cut off if this unit stops talking.",
      "colour": "#9a3412"
    },
    {
      "badge": "silo",
      "text": "Silo",
      "hint": "In a group that keeps to itself.",
      "colour": "#be185d"
    },
    {
      "badge": "no-tech-tie",
      "text": "No IT tie",
      "hint": "No two-way relationship with IT or digital.",
      "colour": "#a16207"
    },
    {
      "badge": "isolated",
      "text": "Isolated",
      "hint": "No relationship on the map yet.",
      "colour": "#64748b"
    }
  ],
  "trends": [
    {
      "trend": "stronger",
      "label": "stronger",
      "colour": "#1f9d55",
      "dashed": false
    },
    {
      "trend": "weaker",
      "label": "weaker",
      "colour": "#d64545",
      "dashed": false
    },
    {
      "trend": "new",
      "label": "new",
      "colour": "#2f6fd6",
      "dashed": false
    },
    {
      "trend": "gone",
      "label": "gone",
      "colour": "#d64545",
      "dashed": true
    },
    {
      "trend": "same",
      "label": "unchanged",
      "colour": "#a3acb9",
      "dashed": false
    }
  ],
  "hull_colours": [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#e15759",
    "#bab0ac"
  ],
  "hull_fill_opacity": 0.09,
  "hull_stroke_opacity": 0.45,
  "hull_padding": 0.9,
  "ink": "#1f2933",
  "ink_soft": "#52606d",
  "ink_faint": "#7b8794",
  "ink_on_colour": "#ffffff",
  "rule": "#d9dee5",
  "panel": "#f5f7fa",
  "paper": "#ffffff",
  "desk": "#eef1f5",
  "accent": "#2f5f9e",
  "accent_pale": "#e8eef7",
  "accent_pale_border": "#c7d4e8",
  "key_line": "#8895a7",
  "severities": [
    {
      "severity": "high",
      "colour": "#c0392b"
    },
    {
      "severity": "medium",
      "colour": "#d68910"
    },
    {
      "severity": "low",
      "colour": "#8895a7"
    }
  ],
  "better": "#1e8449",
  "worse": "#c0392b"
};

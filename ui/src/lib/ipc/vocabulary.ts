// Generated from recimap_core::vocabulary::vocabulary() by scripts/gen-bindings.sh. Do not edit.
import type { Vocabulary } from '../bindings/Vocabulary';

export const VOCABULARY: Vocabulary = {
  "kinds": [
    {
      "key": "business",
      "label": "Business department",
      "hint": ""
    },
    {
      "key": "it",
      "label": "IT",
      "hint": ""
    },
    {
      "key": "digital",
      "label": "Digital",
      "hint": ""
    },
    {
      "key": "external",
      "label": "External party",
      "hint": ""
    }
  ],
  "roles": [
    {
      "key": "strategist",
      "label": "Strategist",
      "hint": "Visionary and facilitator"
    },
    {
      "key": "innovator",
      "label": "Innovator",
      "hint": "Rule breaker who sees beyond the status quo"
    },
    {
      "key": "driver",
      "label": "Driver",
      "hint": "Pragmatist who runs projects, budgets and timelines"
    }
  ],
  "maturity": [
    {
      "key": "digital_innovation_project",
      "label": "Digital Innovation Project",
      "hint": ""
    },
    {
      "key": "digital_innovation_unit",
      "label": "Digital Innovation Unit",
      "hint": ""
    },
    {
      "key": "integrated_media",
      "label": "Integrated Media",
      "hint": ""
    },
    {
      "key": "digitally_integrated_organisation",
      "label": "Digitally Integrated Organisation",
      "hint": ""
    }
  ],
  "dimensions": [
    {
      "key": "frequency",
      "label": "Frequency",
      "hint": "How often the source talks to the target about its work (0 never, 5 daily)."
    },
    {
      "key": "why",
      "label": "The why",
      "hint": "How clearly the source explains why it needs what it asks for."
    },
    {
      "key": "listening",
      "label": "Listening",
      "hint": "How well the target listens and acts on what it hears."
    },
    {
      "key": "trust",
      "label": "Trust",
      "hint": "How much the target trusts what the source tells it."
    }
  ],
  "questions": [
    {
      "key": "digital_today",
      "label": "How does the organisation manage digital today?",
      "hint": ""
    },
    {
      "key": "digital_silo",
      "label": "Is digital focused in one silo, or does it integrate all silos?",
      "hint": ""
    },
    {
      "key": "support",
      "label": "Do internal departments feel well supported?",
      "hint": ""
    },
    {
      "key": "strategy",
      "label": "Is there an agreed digital strategy?",
      "hint": ""
    },
    {
      "key": "resistance",
      "label": "Is there resistance to change?",
      "hint": ""
    },
    {
      "key": "speed",
      "label": "Can you innovate and respond fast enough?",
      "hint": ""
    }
  ],
  "severities": [
    {
      "key": "high",
      "label": "High",
      "hint": ""
    },
    {
      "key": "medium",
      "label": "Medium",
      "hint": ""
    },
    {
      "key": "low",
      "label": "Low",
      "hint": ""
    }
  ],
  "finding_kinds": [
    {
      "key": "one_way_relationship",
      "label": "One-way relationship",
      "hint": ""
    },
    {
      "key": "silo_group",
      "label": "Silo",
      "hint": ""
    },
    {
      "key": "digital_in_one_silo",
      "label": "Digital in one silo",
      "hint": ""
    },
    {
      "key": "no_tech_tie",
      "label": "No two-way tie to IT",
      "hint": ""
    },
    {
      "key": "single_point_of_failure",
      "label": "Single point of failure",
      "hint": ""
    },
    {
      "key": "tech_bottleneck",
      "label": "IT bottleneck",
      "hint": ""
    },
    {
      "key": "ambassador_gap",
      "label": "Ambassador gap",
      "hint": ""
    },
    {
      "key": "isolated_unit",
      "label": "Isolated unit",
      "hint": ""
    },
    {
      "key": "low_reciprocity",
      "label": "Low reciprocity",
      "hint": ""
    },
    {
      "key": "disconnected_map",
      "label": "Disconnected map",
      "hint": ""
    }
  ],
  "badges": [
    {
      "key": "spof",
      "label": "Single point",
      "hint": "Single point of failure: others are cut off if this unit stops talking."
    },
    {
      "key": "silo",
      "label": "Silo",
      "hint": "In a group that keeps to itself."
    },
    {
      "key": "no-tech-tie",
      "label": "No IT tie",
      "hint": "No two-way relationship with IT or digital."
    },
    {
      "key": "isolated",
      "label": "Isolated",
      "hint": "No relationship on the map yet."
    }
  ],
  "trends": [
    {
      "key": "stronger",
      "label": "stronger",
      "hint": ""
    },
    {
      "key": "weaker",
      "label": "weaker",
      "hint": ""
    },
    {
      "key": "new",
      "label": "new",
      "hint": ""
    },
    {
      "key": "gone",
      "label": "gone",
      "hint": ""
    },
    {
      "key": "same",
      "label": "unchanged",
      "hint": ""
    }
  ],
  "headline": [
    {
      "key": "weighted_reciprocity",
      "label": "Reciprocity",
      "short": "Share of communication strength returned in kind",
      "meaning": "Share of all communication strength that comes back the other way: 1 means every tie is fully returned (weighted reciprocity, Squartini et al. 2013).",
      "signed": false,
      "count": false
    },
    {
      "key": "dyadic_reciprocity",
      "label": "Two-way links",
      "short": "Share of links answered by a link back",
      "meaning": "Share of links whose reverse link exists too (dyadic reciprocity).",
      "signed": false,
      "count": false
    },
    {
      "key": "rho",
      "label": "Reciprocity beyond chance",
      "short": "Two-way ties beyond what chance gives",
      "meaning": "Above 0: more two-way ties than a random map of the same density would have; 0 is chance (Garlaschelli and Loffredo's ρ).",
      "signed": true,
      "count": false
    },
    {
      "key": "density",
      "label": "Density",
      "short": "Share of possible links that exist",
      "meaning": "Share of all possible directed links that exist.",
      "signed": false,
      "count": false
    },
    {
      "key": "ei_index",
      "label": "Openness of groups",
      "short": "−1 every tie inside its group · +1 every tie across",
      "meaning": "From −1, every tie stays inside its group (silos), to +1, every tie crosses groups (E-I index, Krackhardt and Stern 1988).",
      "signed": true,
      "count": false
    },
    {
      "key": "modularity",
      "label": "Clustering",
      "short": "How strongly the map splits into communities",
      "meaning": "How sharply the map splits into communities: above 0.3 the clusters are clear (modularity of the Louvain communities).",
      "signed": false,
      "count": false
    }
  ],
  "figures": [
    {
      "key": "units",
      "label": "Units",
      "short": "",
      "meaning": "Units on the map.",
      "signed": false,
      "count": true
    },
    {
      "key": "links",
      "label": "Directed links",
      "short": "",
      "meaning": "Directions rated or weighted on the map.",
      "signed": false,
      "count": true
    },
    {
      "key": "mutual_pairs",
      "label": "Two-way relationships",
      "short": "",
      "meaning": "Pairs of units linked in both directions.",
      "signed": false,
      "count": true
    },
    {
      "key": "total_strength",
      "label": "Total strength",
      "short": "",
      "meaning": "The strength of every direction, added up.",
      "signed": false,
      "count": false
    },
    {
      "key": "ei_weighted",
      "label": "Openness of groups, by strength",
      "short": "",
      "meaning": "The E-I index counted over strengths instead of ties.",
      "signed": true,
      "count": false
    },
    {
      "key": "weak_components",
      "label": "Connected parts",
      "short": "",
      "meaning": "Parts of the map with no link between them.",
      "signed": false,
      "count": true
    },
    {
      "key": "strong_components",
      "label": "Strongly connected parts",
      "short": "",
      "meaning": "Parts in which every unit can reach every other along the arrows.",
      "signed": false,
      "count": true
    },
    {
      "key": "isolates",
      "label": "Units with no link",
      "short": "",
      "meaning": "Units that have no relationship on the map.",
      "signed": false,
      "count": true
    },
    {
      "key": "strength",
      "label": "Strength",
      "short": "",
      "meaning": "How strong a direction is, from its ratings (0–5) or its raw weight.",
      "signed": false,
      "count": false
    },
    {
      "key": "balance",
      "label": "Balance",
      "short": "",
      "meaning": "The weaker direction of a relationship over the stronger: 1 is even, 0 one-way.",
      "signed": false,
      "count": false
    },
    {
      "key": "reciprocity",
      "label": "Reciprocity",
      "short": "",
      "meaning": "Share of the unit's communication strength that comes back (Squartini et al. 2013).",
      "signed": false,
      "count": false
    },
    {
      "key": "strength_out",
      "label": "Tells",
      "short": "",
      "meaning": "The strength of everything the unit tells others.",
      "signed": false,
      "count": false
    },
    {
      "key": "strength_in",
      "label": "Is told",
      "short": "",
      "meaning": "The strength of everything others tell the unit.",
      "signed": false,
      "count": false
    },
    {
      "key": "reciprocated_strength",
      "label": "Returned",
      "short": "",
      "meaning": "The part of the unit's strength that comes back in kind (reciprocated strength).",
      "signed": false,
      "count": false
    },
    {
      "key": "unreciprocated_out",
      "label": "Tells without an answer",
      "short": "",
      "meaning": "What the unit tells that is not returned (unreciprocated out-strength).",
      "signed": false,
      "count": false
    },
    {
      "key": "unreciprocated_in",
      "label": "Is told without answering",
      "short": "",
      "meaning": "What the unit is told and does not return (unreciprocated in-strength).",
      "signed": false,
      "count": false
    },
    {
      "key": "units_cut_off",
      "label": "Units cut off",
      "short": "",
      "meaning": "Units that lose every path to the rest if this unit stops talking.",
      "signed": false,
      "count": true
    },
    {
      "key": "departments_without_ambassador",
      "label": "Departments without an ambassador",
      "short": "",
      "meaning": "Business departments where nobody carries digital knowledge across.",
      "signed": false,
      "count": true
    },
    {
      "key": "departments_missing_roles",
      "label": "Departments missing ambassador roles",
      "short": "",
      "meaning": "Departments whose ambassadors do not cover strategist, innovator and driver.",
      "signed": false,
      "count": true
    },
    {
      "key": "isolated_units",
      "label": "Isolated units",
      "short": "",
      "meaning": "Units with no relationship on the map.",
      "signed": false,
      "count": true
    },
    {
      "key": "reciprocated_tech_ties",
      "label": "Two-way ties to IT or digital",
      "short": "",
      "meaning": "Relationships with IT or digital units that are rated both ways.",
      "signed": false,
      "count": true
    },
    {
      "key": "business_groups_reached",
      "label": "Business groups reached",
      "short": "",
      "meaning": "Groups of business units with which the unit has a two-way relationship.",
      "signed": false,
      "count": true
    },
    {
      "key": "unreciprocated_in_share",
      "label": "Told without answering, share",
      "short": "",
      "meaning": "Share of the strength a unit is told that it does not return.",
      "signed": false,
      "count": false
    },
    {
      "key": "betweenness",
      "label": "Go-between share",
      "short": "",
      "meaning": "Share of the shortest paths between other units that pass through this one (betweenness).",
      "signed": false,
      "count": false
    }
  ],
  "thresholds": {
    "silo_ei": -0.2,
    "open_ei": 0.2,
    "clear_modularity": 0.3
  },
  "messages": {
    "no_findings": "No findings: nothing stands out on this map.",
    "empty_map": "The map is empty: add the units of the organisation, then rate their relationships in both directions, and the findings will follow."
  }
};

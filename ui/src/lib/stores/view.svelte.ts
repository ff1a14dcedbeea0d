/**
 * The view of the map: what is selected, focused and filtered, which side tab
 * is open, how hulls and the layout are drawn, whether dragging draws
 * relationships, and the before/after comparison being shown. Nothing here is
 * saved in the map.
 */
import { NO_FILTER, type UnitFilter } from '../filter';
import type { LayoutName } from '../layout';
import type { AppState, ComparisonView, UnitId } from '../types';

export type Selection = { type: 'unit'; id: UnitId } | { type: 'pair'; a: UnitId; b: UnitId } | null;
export type Tab = 'selection' | 'scores' | 'findings' | 'map' | 'snapshots';
export type HullMode = 'groups' | 'communities' | 'off';

/**
 * A before/after view: two snapshots (`null` = the map now) and what the core
 * says changed between them. While it is set, the canvas shows the later map
 * coloured by change and cannot be edited.
 */
export interface Compared {
  before: number | null;
  after: number | null;
  view: ComparisonView;
}

/** A focus on some units, e.g. from a clicked finding; the rest of the map fades. */
export interface Focus {
  key: string;
  units: UnitId[];
  links: [UnitId, UnitId][];
}

class View {
  selection = $state<Selection>(null);
  focus = $state<Focus | null>(null);
  filter = $state<UnitFilter>({ ...NO_FILTER });
  tab = $state<Tab>('findings');
  hulls = $state<HullMode>('groups');
  layout = $state<LayoutName>('force');
  connectMode = $state(false);
  comparison = $state.raw<Compared | null>(null);

  /** Selects a unit or a relationship and shows it in the Selection tab. */
  select(sel: Selection) {
    this.selection = sel;
    if (sel) this.tab = 'selection';
  }

  /** Clears a selection or focus that names a unit no longer on the map. */
  dropStale(state: AppState | null) {
    const ids = new Set(state?.map.units.map((u) => u.id) ?? []);
    const s = this.selection;
    if (s && ((s.type === 'unit' && !ids.has(s.id)) || (s.type === 'pair' && (!ids.has(s.a) || !ids.has(s.b)))))
      this.selection = null;
    if (this.focus && this.focus.units.some((u) => !ids.has(u))) this.focus = null;
  }

  /** What a newly opened map starts with: nothing selected or focused, the findings tab. */
  reset() {
    this.selection = null;
    this.focus = null;
    this.tab = 'findings';
  }
}

export const view = new View();

/**
 * Edit builders: from what the user did to the `Edit` the core applies. Each
 * user action is one edit, so it is one undo step. Ids of new units and
 * ambassadors are chosen here: short, readable and unique in the map.
 */
import type {
  Ambassador,
  AmbassadorRole,
  Dimension,
  Edit,
  Link,
  Map,
  MaturityStage,
  Position,
  Unit,
  UnitId,
  UnitKind,
} from './types';
import { unrated } from './types';

/** A readable id from a name: lower-case ASCII words joined by dashes. */
export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return s || 'unit';
}

/** `base`, or `base-2`, `base-3`, … — the first not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new unit named `name` placed at `position`. */
export function addUnit(map: Map, name: string, kind: UnitKind, position: Position | null): Edit {
  const id = uniqueId(slug(name), map.units.map((u) => u.id));
  const unit: Unit = {
    id,
    name,
    kind,
    group: null,
    headcount: null,
    lead: null,
    notes: '',
    position,
    colour: null,
  };
  return { op: 'add_unit', unit };
}

/** Fields of a unit the side panel edits; text fields empty → unset. */
export interface UnitPatch {
  name?: string;
  kind?: UnitKind;
  group?: string | null;
  headcount?: number | string | null;
  lead?: string | null;
  notes?: string;
}

/**
 * The unit with the patch applied, or an error message when the patch is not
 * acceptable (empty name, head count not a whole number ≥ 0).
 */
export function patchUnit(unit: Unit, patch: UnitPatch): Unit | string {
  const next: Unit = { ...unit };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (!name) return 'A unit needs a name.';
    next.name = name;
  }
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.group !== undefined) next.group = patch.group?.trim() || null;
  if (patch.lead !== undefined) next.lead = patch.lead?.trim() || null;
  if (patch.notes !== undefined) next.notes = patch.notes;
  if (patch.headcount !== undefined) {
    const raw = patch.headcount;
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) next.headcount = null;
    else {
      const n = typeof raw === 'number' ? raw : Number(raw.trim());
      if (!Number.isInteger(n) || n < 0 || n > 4_294_967_295)
        return `Head count must be a whole number of people (got “${raw}”).`;
      next.headcount = n;
    }
  }
  return next;
}

/** The `update_unit` edit for a patch, `null` when nothing changes, or an error message. */
export function updateUnit(unit: Unit, patch: UnitPatch): Edit | string | null {
  const next = patchUnit(unit, patch);
  if (typeof next === 'string') return next;
  const norm = (u: Unit) =>
    JSON.stringify([u.name, u.kind, u.group ?? null, u.headcount ?? null, u.lead ?? null, u.notes ?? '']);
  if (norm(next) === norm(unit)) return null;
  return { op: 'update_unit', unit: next };
}

/** A new, unrated direction `source → target`; `null` if it exists or is a loop. */
export function addLink(map: Map, source: UnitId, target: UnitId): Edit | null {
  if (source === target) return null;
  if (map.links.some((l) => l.source === source && l.target === target)) return null;
  const link: Link = { source, target, ratings: unrated(), weight: null, notes: '' };
  return { op: 'set_link', link };
}

/**
 * Rates one dimension of `source → target` (creating the direction if it is
 * not on the map yet); `value` null clears the rating.
 */
export function rate(map: Map, source: UnitId, target: UnitId, dim: Dimension, value: number | null): Edit {
  const old = map.links.find((l) => l.source === source && l.target === target);
  const link: Link = old
    ? { ...old, ratings: { ...unrated(), ...old.ratings } }
    : { source, target, ratings: unrated(), weight: null, notes: '' };
  link.ratings[dim] = value;
  return { op: 'set_link', link };
}

/** Parses a rating control's value: `''` → unrated, `'0'`…`'5'` → the number. */
export function parseRating(v: string): number | null {
  if (v.trim() === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 5 ? n : null;
}

/** The `move_units` edit for positions after a drag or a layout; `null` if nothing moved. */
export function moveUnits(map: Map, positions: { id: UnitId; position: Position }[]): Edit | null {
  const byId = new globalThis.Map(map.units.map((u) => [u.id, u]));
  const round = (v: number) => Math.round(v * 10) / 10;
  const moves = positions
    .map(({ id, position }) => ({ id, position: { x: round(position.x), y: round(position.y) } }))
    .filter(({ id, position }) => {
      const u = byId.get(id);
      if (!u) return false;
      const p = u.position;
      return !p || Math.abs(p.x - position.x) > 0.05 || Math.abs(p.y - position.y) > 0.05;
    });
  return moves.length ? { op: 'move_units', moves } : null;
}

export interface MapInfo {
  title: string;
  organisation: string;
  notes: string;
  maturity: MaturityStage | null;
}

/** `set_map_info` with one or more fields changed; `null` when nothing changes. */
export function setMapInfo(map: Map, patch: Partial<MapInfo>): Edit | null {
  const info: MapInfo = {
    title: map.title,
    organisation: map.organisation,
    notes: map.notes,
    maturity: map.maturity ?? null,
    ...patch,
  };
  if (
    info.title === map.title &&
    info.organisation === map.organisation &&
    info.notes === map.notes &&
    info.maturity === (map.maturity ?? null)
  )
    return null;
  return { op: 'set_map_info', ...info };
}

/** A new ambassador in `unit`; `null` when the name is empty. */
export function addAmbassador(map: Map, name: string, unit: UnitId, role: AmbassadorRole): Edit | null {
  const clean = name.trim();
  if (!clean) return null;
  const id = uniqueId(`amb-${slug(clean)}`, map.ambassadors.map((a) => a.id));
  const ambassador: Ambassador = { id, name: clean, unit, role };
  return { op: 'add_ambassador', ambassador };
}

/** The answer the map holds for a question key, or `''`. */
export function answerOf(map: Map, question: string): string {
  return map.questionnaire.find((a) => a.question === question)?.answer ?? '';
}

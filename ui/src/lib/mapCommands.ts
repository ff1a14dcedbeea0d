/**
 * Editing the map from the window: add a unit where the user is looking,
 * delete what is selected, draw a relationship, move units. Each goes through
 * the document's edit queue; the canvas and the panels follow its state.
 */
import { tick } from 'svelte';
import { addLink, addUnit, moveUnits } from './edits';
import { doc } from './stores/document.svelte';
import { notifications } from './stores/notifications.svelte';
import { view } from './stores/view.svelte';
import type { Position, UnitId } from './types';

/**
 * Adds "New unit" near `centre` (the middle of the view; spread so that new
 * units do not stack), selects it and puts the cursor in its name field.
 */
export async function addUnitNear(centre: Position) {
  const st = doc.state;
  if (!st) return;
  // A new unit belongs on the editable map, not in a before/after picture.
  view.comparison = null;
  const n = st.map.units.length;
  const pos: Position = { x: centre.x + ((n * 37) % 120) - 60, y: centre.y + ((n * 53) % 90) - 45 };
  let id = '';
  const added = await doc.edit((s) => {
    const edit = addUnit(s.map, 'New unit', 'business', pos);
    if (edit.op === 'add_unit') id = edit.unit.id;
    return edit;
  });
  if (added) {
    view.select({ type: 'unit', id });
    await tick();
    const input = document.querySelector<HTMLInputElement>('[data-testid="unit-name-input"]');
    input?.focus();
    input?.select();
  }
}

/** Deletes the selected unit (with an undo hint) or both directions of the selected relationship. */
export async function deleteSelection() {
  const st = doc.state;
  const s = view.selection;
  if (!st || !s) return;
  if (s.type === 'unit') {
    const name = st.map.units.find((u) => u.id === s.id)?.name ?? s.id;
    if (await doc.edit({ op: 'delete_unit', id: s.id })) notifications.toast(`Deleted ${name}. Undo with Ctrl+Z.`, 'info');
  } else {
    for (const [src, dst] of [
      [s.a, s.b],
      [s.b, s.a],
    ])
      if (st.map.links.some((l) => l.source === src && l.target === dst)) await doc.edit({ op: 'delete_link', source: src, target: dst });
    view.selection = null;
  }
}

/** Draws the direction `source → target` and opens the relationship. */
export async function connect(source: UnitId, target: UnitId) {
  if (!doc.state) return;
  await doc.edit((s) => addLink(s.map, source, target));
  if (doc.state?.map.links.some((l) => l.source === source && l.target === target)) view.select({ type: 'pair', a: source, b: target });
}

/** Stores where units were dragged to (one undoable step). */
export function moveTo(moves: { id: UnitId; position: Position }[]) {
  doc.edit((s) => moveUnits(s.map, moves));
}

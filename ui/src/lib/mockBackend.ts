/**
 * A development-only backend for running the UI in a plain browser (no Tauri):
 * it serves the demo map and its analysis from a fixture produced by the
 * `recimap` CLI, and applies edits to the map in memory with undo and redo.
 *
 * It does not analyse: after an edit the fixture's figures stay as they were
 * (only entries about deleted units are dropped). It cannot compare snapshots
 * or export (those reject, as a failed command does). It exists so the UI can
 * be developed and screenshotted without the shell; the app never loads it.
 */
import type { Backend } from './backendApi';
import type { AppState, Edit, Map, SnapshotInfo } from './types';
import demo from './fixtures/demo-state.json';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function applyToMap(map: Map, edit: Edit): Map {
  const m = clone(map);
  switch (edit.op) {
    case 'add_unit':
      if (m.units.some((u) => u.id === edit.unit.id)) throw { code: 'edit', message: `a unit with id '${edit.unit.id}' is already on the map` };
      m.units.push(edit.unit);
      break;
    case 'update_unit': {
      const i = m.units.findIndex((u) => u.id === edit.unit.id);
      if (i < 0) throw { code: 'edit', message: `there is no unit '${edit.unit.id}' on the map` };
      m.units[i] = { ...edit.unit, position: m.units[i].position };
      break;
    }
    case 'delete_unit':
      m.units = m.units.filter((u) => u.id !== edit.id);
      m.links = m.links.filter((l) => l.source !== edit.id && l.target !== edit.id);
      m.ambassadors = m.ambassadors.filter((a) => a.unit !== edit.id);
      break;
    case 'move_units':
      for (const mv of edit.moves) {
        const u = m.units.find((x) => x.id === mv.id);
        if (u) u.position = mv.position;
      }
      break;
    case 'set_link': {
      const i = m.links.findIndex((l) => l.source === edit.link.source && l.target === edit.link.target);
      if (i < 0) m.links.push(edit.link);
      else m.links[i] = edit.link;
      break;
    }
    case 'delete_link':
      m.links = m.links.filter((l) => !(l.source === edit.source && l.target === edit.target));
      break;
    case 'set_map_info':
      Object.assign(m, { title: edit.title, organisation: edit.organisation, notes: edit.notes, maturity: edit.maturity });
      break;
    case 'set_answer':
      m.questionnaire = m.questionnaire.filter((a) => a.question !== edit.question);
      if (edit.answer) m.questionnaire.push({ question: edit.question, answer: edit.answer });
      break;
    case 'add_ambassador':
      m.ambassadors.push(edit.ambassador);
      break;
    case 'remove_ambassador':
      m.ambassadors = m.ambassadors.filter((a) => a.id !== edit.id);
      break;
    case 'set_dimension_weights':
      m.dimension_weights = edit.weights;
      break;
    case 'set_finding_hidden':
      m.hidden_findings = m.hidden_findings.filter((k) => k !== edit.key);
      if (edit.hidden) m.hidden_findings.push(edit.key);
      break;
  }
  return m;
}

export function createMockBackend(initial: AppState = demo as unknown as AppState): Backend {
  let state = clone(initial);
  let past: Map[] = [];
  let future: Map[] = [];
  const snaps: { info: SnapshotInfo; map: Map }[] = [];
  const snapshot = (): AppState => {
    const ids = new Set(state.map.units.map((u) => u.id));
    const a = state.analysis;
    const analysis = {
      ...a,
      units: a.units.filter((u) => ids.has(u.id)),
      pairs: a.pairs.filter((p) => ids.has(p.a) && ids.has(p.b)),
      findings: a.findings.filter((f) => f.units.every((u) => ids.has(u))),
    };
    return clone({ ...state, analysis, can_undo: past.length > 0, can_redo: future.length > 0 });
  };
  const fresh = (s: AppState) => {
    state = clone(s);
    past = [];
    future = [];
    return snapshot();
  };
  return {
    loadState: async () => snapshot(),
    applyEdit: async (edit) => {
      const next = applyToMap(state.map, edit);
      past.push(state.map);
      future = [];
      state = { ...state, map: next, dirty: true };
      return snapshot();
    },
    undo: async () => {
      const prev = past.pop();
      if (prev) {
        future.push(state.map);
        state = { ...state, map: prev, dirty: true };
      }
      return snapshot();
    },
    redo: async () => {
      const next = future.pop();
      if (next) {
        past.push(state.map);
        state = { ...state, map: next, dirty: true };
      }
      return snapshot();
    },
    newMap: async () =>
      fresh({
        ...initial,
        map: { ...initial.map, title: '', organisation: '', notes: '', units: [], links: [], ambassadors: [], questionnaire: [] },
        analysis: { ...initial.analysis, units: [], pairs: [], groups: [], findings: [], communities: [] },
        path: null,
        file_name: 'Untitled',
        dirty: false,
      }),
    openDemo: async () => fresh(initial),
    openFile: async (path) => {
      throw { code: 'io', message: `The browser preview cannot open files (${path}); run the desktop app.` };
    },
    saveFile: async (path) => {
      const p = path ?? state.path ?? 'Untitled.recimap';
      state = { ...state, path: p, file_name: p.split(/[\\/]/).pop() ?? p, dirty: false };
      return snapshot();
    },
    recentFiles: async () => [],
    listSnapshots: async () => snaps.map((x) => x.info),
    addSnapshot: async (label) => {
      const m = state.map;
      const info = { id: snaps.length + 1, label, taken_at: new Date().toISOString(), units: m.units.length, links: m.links.length };
      snaps.push({ info, map: clone(m) });
      state = { ...state, dirty: true };
      return snapshot();
    },
    restoreSnapshot: async (id) => {
      const s = snaps.find((x) => x.info.id === id);
      if (!s) throw { code: 'no_snapshot', message: `There is no snapshot ${id}.` };
      past.push(state.map);
      future = [];
      state = { ...state, map: clone(s.map), dirty: true };
      return snapshot();
    },
    compareSnapshots: async () => {
      throw { code: 'unsupported', message: 'The browser preview cannot compare snapshots; run the desktop app.' };
    },
    exportMap: async () => {
      throw { code: 'unsupported', message: 'Exports are made by the desktop app.' };
    },
    takeRecovery: async () => null,
    discardRecovery: async () => null,
    confirmClose: async () => null,
    // The browser preview has no shell to send events.
    onStateChanged: async () => () => {},
    onCloseRequested: async () => () => {},
    onOpenRequested: async () => () => {},
  };
}

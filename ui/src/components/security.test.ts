// @vitest-environment jsdom
// Text from a file is shown as text: hostile unit names, finding messages and
// answers are rendered literally by the real components and create no element.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import UnitList from './UnitList.svelte';
import UnitPanel from './UnitPanel.svelte';
import FindingsPanel from './FindingsPanel.svelte';
import MapPanel from './MapPanel.svelte';
import { doc } from '../lib/stores/document.svelte';
import type { AppState } from '../lib/types';
import demo from '../lib/fixtures/demo-state.json';

const HOSTILE = ['<img src=x onerror="window.__pwned=1">', '</script><script>window.__pwned=2</script>', '{@html "<b>x</b>"}'];

function hostileState(): AppState {
  const s = structuredClone(demo) as unknown as AppState;
  s.map.units[0].name = HOSTILE[0];
  s.map.units[1].name = HOSTILE[1];
  s.map.units[2].name = HOSTILE[2];
  s.map.units[0].notes = HOSTILE[1];
  s.map.title = HOSTILE[0];
  s.map.questionnaire = [{ question: 'digital_today', answer: HOSTILE[1] }];
  s.analysis.findings[0].message = HOSTILE[0];
  s.analysis.findings[0].recommendation = HOSTILE[1];
  s.map.ambassadors[0].name = HOSTILE[0];
  return s;
}

let target: HTMLElement;
let component: Record<string, unknown> | null = null;

beforeEach(() => {
  target = document.createElement('div');
  document.body.appendChild(target);
  doc.state = hostileState();
  (window as unknown as { __pwned?: number }).__pwned = undefined;
});
afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
});

function expectInert(root: HTMLElement) {
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelector('script')).toBeNull();
  expect(root.querySelector('b')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

describe('hostile text is shown literally', () => {
  it('in the unit list', () => {
    component = mount(UnitList, { target, props: { onpick: () => {} } });
    flushSync();
    const names = [...target.querySelectorAll('[data-testid="unit-item"] .name')].map((e) => e.textContent);
    for (const h of HOSTILE) expect(names).toContain(h);
    expectInert(target);
  });

  it('in the unit panel (name field, notes, ambassadors)', () => {
    const unit = doc.state!.map.units[0];
    component = mount(UnitPanel, { target, props: { unit, ondelete: () => {} } });
    flushSync();
    expect((target.querySelector('[data-testid="unit-name-input"]') as HTMLInputElement).value).toBe(HOSTILE[0]);
    expect((target.querySelector('[data-testid="unit-notes-input"]') as HTMLTextAreaElement).value).toBe(HOSTILE[1]);
    expectInert(target);
  });

  it('in the findings list', () => {
    component = mount(FindingsPanel, { target });
    flushSync();
    const first = target.querySelector('[data-testid="finding-item"]')!;
    expect(first.querySelector('.message')!.textContent).toBe(HOSTILE[0]);
    expect(first.querySelector('.recommendation')!.textContent).toContain(HOSTILE[1]);
    expect(target.querySelectorAll('[data-testid="finding-item"]').length).toBe(doc.state!.analysis.findings.length);
    expectInert(target);
  });

  it('in the map panel (title, answers, ambassadors)', () => {
    component = mount(MapPanel, { target });
    flushSync();
    expect((target.querySelector('[data-testid="map-title-input"]') as HTMLInputElement).value).toBe(HOSTILE[0]);
    expect((target.querySelector('[data-testid="answer-digital_today"]') as HTMLTextAreaElement).value).toBe(HOSTILE[1]);
    expect(target.textContent).toContain(HOSTILE[0]);
    expectInert(target);
  });
});

import { describe, expect, it } from 'vitest';
import { comparisonChoices, EXPORT_CHOICES, exportName, findingChoice } from './exports';
import type { Finding } from './types';
import demo from './fixtures/demo-state.json';

describe('the Export menu', () => {
  it('offers every format the core exports, PNG at 1×, 2× and 4×, PDF on A4 and Letter', () => {
    const got = EXPORT_CHOICES.map((c) => [c.format, c.options.scale, c.options.paper]);
    expect(got).toEqual([
      ['png', 1, null],
      ['png', 2, null],
      ['png', 4, null],
      ['svg', null, null],
      ['html', null, null],
      ['pdf', null, 'a4'],
      ['pdf', null, 'letter'],
    ]);
    expect(new Set(EXPORT_CHOICES.map((c) => c.id)).size).toBe(EXPORT_CHOICES.length);
  });

  it('names the states of a before/after report as the core reads them', () => {
    expect(comparisonChoices(3, null).map((c) => [c.format, c.options.compare])).toEqual([
      ['html', [{ snapshot: 3 }, 'current']],
      ['pdf', [{ snapshot: 3 }, 'current']],
    ]);
    expect(comparisonChoices(1, 2)[0].options.compare).toEqual([{ snapshot: 1 }, { snapshot: 2 }]);
  });

  it('names a finding by its stable key and numbers the file from 1', () => {
    const finding = demo.analysis.findings[4] as Finding;
    const c = findingChoice(finding, 4);
    expect(c.options).toMatchObject({ finding: finding.key, scale: 2 });
    expect(c.suffix).toBe(' finding 5');
  });

  it.each([
    ['Northwind.recimap', 'Northwind Logistics', 'png-2', 'Northwind@2x'],
    ['Untitled', 'Northwind Logistics', 'html', 'Northwind Logistics report'],
    ['Untitled', '  ', 'svg', 'Recimap map'],
    ['Untitled', 'Q3: IT/Finance', 'pdf-a4', 'Q3- IT-Finance report'],
  ])('%s (%s), %s → %s', (file, title, id, name) => {
    const c = EXPORT_CHOICES.find((x) => x.id === id)!;
    expect(exportName(file, title, c)).toBe(name);
  });
});

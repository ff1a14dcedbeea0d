import { describe, expect, it } from 'vitest';
import { docName, fmt, pct, windowTitle } from './format';

describe('format', () => {
  it.each([
    [0.8544891640866873, 2, '0.85'],
    [-0.25, 2, '−0.25'],
    [-0.0001, 2, '0.00'],
    [3, 1, '3.0'],
    [null, 2, '—'],
    [Number.NaN, 2, '—'],
  ])('fmt(%s, %s) = %s', (v, d, s) => {
    expect(fmt(v as number | null, d)).toBe(s);
  });
  it.each([
    [0.905, '91%'],
    [0, '0%'],
    [null, '—'],
  ])('pct(%s) = %s', (v, s) => {
    expect(pct(v as number | null)).toBe(s);
  });
  it('puts the file name and the unsaved mark in the title', () => {
    expect(windowTitle('Northwind.recimap', false)).toBe('Northwind.recimap — Recimap');
    expect(windowTitle('Northwind.recimap', true)).toBe('Northwind.recimap • — Recimap');
    expect(docName('', true)).toBe('Untitled •');
  });
});

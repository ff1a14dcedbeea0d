import { describe, expect, it } from 'vitest';
import { DISCARD_LABEL, SAVE_LABEL, unsavedChoice } from './dialogs';
import { recentEntry } from './backendApi';

describe('unsaved-changes answer', () => {
  it.each([
    [SAVE_LABEL, 'save'],
    ['Yes', 'save'],
    [DISCARD_LABEL, 'discard'],
    ['No', 'discard'],
    ['Cancel', 'cancel'],
    ['', 'cancel'],
  ])('%j → %s', (result, choice) => expect(unsavedChoice(result)).toBe(choice));
});

describe('recent files', () => {
  it.each([
    ['/home/cio/maps/Northwind.recimap', { path: '/home/cio/maps/Northwind.recimap', name: 'Northwind.recimap' }],
    ['C:\\Users\\cio\\Q3.recimap', { path: 'C:\\Users\\cio\\Q3.recimap', name: 'Q3.recimap' }],
  ])('%j', (entry, expected) => expect(recentEntry(entry)).toEqual(expected));
});

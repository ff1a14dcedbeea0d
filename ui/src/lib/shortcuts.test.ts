import { describe, expect, it } from 'vitest';
import { commandFor, type Command, type KeyPress } from './shortcuts';

describe('commandFor', () => {
  it.each<[string, KeyPress, Command | null]>([
    ['Ctrl+Z', { key: 'z', ctrlKey: true }, 'undo'],
    ['⌘Z', { key: 'z', metaKey: true }, 'undo'],
    ['Ctrl+Shift+Z (key reported upper case)', { key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    ['Ctrl+Y', { key: 'y', ctrlKey: true }, 'redo'],
    ['Ctrl+N', { key: 'n', ctrlKey: true }, 'new'],
    ['Ctrl+O', { key: 'o', ctrlKey: true }, 'open'],
    ['Ctrl+S', { key: 's', ctrlKey: true }, 'save'],
    ['Ctrl+Shift+S', { key: 'S', ctrlKey: true, shiftKey: true }, 'save-as'],
    ['Ctrl+F', { key: 'f', ctrlKey: true }, 'search'],
    ['Ctrl+S in a text field still saves', { key: 's', ctrlKey: true, inTextField: true }, 'save'],
    ['Ctrl+Z in a text field is the field’s own undo', { key: 'z', ctrlKey: true, inTextField: true }, null],
    ['Delete', { key: 'Delete' }, 'delete'],
    ['Backspace', { key: 'Backspace' }, 'delete'],
    ['Delete while typing', { key: 'Delete', inTextField: true }, null],
    ['F fits', { key: 'f' }, 'fit'],
    ['F while typing', { key: 'f', inTextField: true }, null],
    ['A adds a unit', { key: 'a' }, 'add-unit'],
    ['Escape', { key: 'Escape' }, 'escape'],
    ['Escape in a field', { key: 'Escape', inTextField: true }, 'escape'],
    ['Alt combinations are left alone', { key: 'z', ctrlKey: true, altKey: true }, null],
    ['other letters', { key: 'q' }, null],
    ['Ctrl+Q', { key: 'q', ctrlKey: true }, null],
  ])('%s', (_, press, expected) => {
    expect(commandFor(press)).toBe(expected);
  });
});

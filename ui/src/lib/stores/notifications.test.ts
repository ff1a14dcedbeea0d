import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage, notifications } from './notifications.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  notifications.toasts = [];
});
afterEach(() => vi.useRealTimers());

describe('notifications', () => {
  it('shows toasts in order and lets each be dismissed', () => {
    notifications.toast('Saved.', 'info');
    notifications.toast('Could not save.');
    expect(notifications.toasts.map((t) => [t.kind, t.text])).toEqual([
      ['info', 'Saved.'],
      ['error', 'Could not save.'],
    ]);
    notifications.dismiss(notifications.toasts[0].id);
    expect(notifications.toasts.map((t) => t.text)).toEqual(['Could not save.']);
  });

  it('takes a message away after 3.5 s and an error after 8 s', () => {
    notifications.toast('Saved.', 'info');
    notifications.toast('Could not save.');
    vi.advanceTimersByTime(3500);
    expect(notifications.toasts.map((t) => t.text)).toEqual(['Could not save.']);
    vi.advanceTimersByTime(4500);
    expect(notifications.toasts).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('shows the message of an error payload, a string as it is, and a hint otherwise', () => {
    expect(errorMessage({ code: 'io', message: 'The file is read-only.' })).toBe('The file is read-only.');
    expect(errorMessage('No such file.')).toBe('No such file.');
    expect(errorMessage(42)).toMatch(/^Something went wrong/);
  });
});

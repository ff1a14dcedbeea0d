/**
 * Notifications: the toasts at the bottom right. Errors stay 8 s, other
 * messages 3.5 s; each can be dismissed sooner. Also the text a rejected
 * backend call is shown with.
 */
import type { ErrorPayload } from '../types';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

class Notifications {
  toasts = $state<Toast[]>([]);
  private seq = 0;

  /** Shows a message that goes away by itself. */
  toast(text: string, kind: Toast['kind'] = 'error') {
    const id = ++this.seq;
    this.toasts = [...this.toasts, { id, kind, text }];
    setTimeout(() => this.dismiss(id), kind === 'error' ? 8000 : 3500);
  }

  dismiss(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

/** The text to show for a rejected backend call. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const p = e as ErrorPayload;
    return String(p.message);
  }
  if (typeof e === 'string') return e;
  return 'Something went wrong. Try again; if it keeps happening, save your map under a new name.';
}

export const notifications = new Notifications();

/**
 * Presentation mode (F5 or Present): whether the window is presenting, which
 * step shows, and full screen, asked for on start where allowed. Starting
 * leaves the before/after view, drawing mode and the selection; ending clears
 * the focus a finding step left. The deck itself is `presentation.ts`.
 */
import { doc } from './stores/document.svelte';
import { view } from './stores/view.svelte';

class PresentationMode {
  active = $state(false);
  index = $state(0);
  private fullscreen = false;

  async start() {
    if (!doc.state || this.active) return;
    view.comparison = null;
    view.connectMode = false;
    view.selection = null;
    this.index = 0;
    this.active = true;
    try {
      if (document.fullscreenEnabled && !document.fullscreenElement) {
        await document.documentElement.requestFullscreen();
        this.fullscreen = true;
      }
    } catch {
      /* not allowed here: the presentation fills the window instead */
    }
  }

  /** Ends the presentation; `false` when there was none to end. */
  end(): boolean {
    if (!this.active) return false;
    this.active = false;
    view.focus = null;
    if (this.fullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    this.fullscreen = false;
    return true;
  }

  /** Leaving full screen with the browser's own key ends the presentation too; `true` when it did. */
  fullscreenChanged(): boolean {
    if (this.fullscreen && !document.fullscreenElement) {
      this.fullscreen = false;
      return this.end();
    }
    return false;
  }
}

export const presentationMode = new PresentationMode();

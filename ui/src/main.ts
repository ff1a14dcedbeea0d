// Entry point: picks the backend (the desktop shell inside Tauri, the demo
// mock in a plain browser) and mounts the app.
import '@fontsource-variable/inter';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { doc } from './lib/stores/document.svelte';
import type { Backend } from './lib/backendApi';
import { inTauri } from './lib/dialogs';

async function pickBackend(): Promise<Backend> {
  if (inTauri()) {
    // The shell's IPC module; the only module that calls Tauri's invoke.
    const shell = await import('./lib/backend');
    return shell.tauriBackend;
  }
  const { createMockBackend } = await import('./lib/mockBackend');
  // Development preview only: `?state=URL` serves another AppState JSON (e.g. a large map).
  const url = new URLSearchParams(location.search).get('state');
  if (url && new URL(url, location.href).origin === location.origin) {
    return createMockBackend(await (await fetch(url)).json());
  }
  return createMockBackend();
}

pickBackend().then((backend) => {
  doc.backend = backend;
  mount(App, { target: document.getElementById('app')! });
});

// Measures the release app under Xvfb (not a test; numbers for BENCHMARKS.md):
//   - launch → interactive demo map: from asking tauri-driver for a session
//     (which starts the app) until the map canvas and the unit list are shown,
//     polled every 10 ms; also the page's own performance.now() at that moment
//     (time since the webview started loading the page);
//   - memory: PSS of the app process and all its descendants (the WebKit web
//     and network processes), from /proc/PID/smaps_rollup, with the map shown;
//   - with LARGE_MAP=FILE.recimap (measure.sh makes a 2,000-unit one): the app
//     started on it (launch → every unit drawn, and PSS), opening it from the
//     recent-files menu while the app shows the demo map (click → drawn and
//     laid out → painted), renaming a unit through the unit panel (change →
//     the new label on the canvas → painted), and panning at the fitted view
//     and at zoom 1, both by dragging with the mouse (what a user does) and
//     programmatically through Cytoscape for 2 s (what the view's animations
//     do): frames the page got, Cytoscape's redraws and their cost, the
//     longest gap between frames.
// The system load average is recorded at the start and the end. Run through
// tests/e2e/measure.sh. Prints JSON.

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Builder, By } from 'selenium-webdriver';

const root = resolve(import.meta.dirname, '../..');
const application = process.env.RECIMAP_APP ?? join(root, 'target/release/recimap-app');
// Ports of our own, as in app.test.mjs: never someone else's WebDriver.
const port = Number(process.env.TAURI_DRIVER_PORT ?? 20000 + 2 * (process.pid % 10000));
const nativePort = Number(process.env.WEBKIT_DRIVER_PORT ?? port + 1);
const runs = Number(process.env.RUNS ?? 5);
const largeMap = process.env.LARGE_MAP || null;
const largeRuns = Number(process.env.LARGE_RUNS ?? 3);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((l) => +l.toFixed(2));

function children() {
  const map = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      map.set(Number(pid), { ppid, comm });
    } catch {
      /* gone */
    }
  }
  return map;
}

/** PSS in MiB of every process named `recimap-app` and its descendants. */
function appPss() {
  const procs = children();
  const roots = [...procs].filter(([, p]) => p.comm === 'recimap-app').map(([pid]) => pid);
  const all = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!all.has(pid) && all.has(p.ppid)) {
        all.add(pid);
        grew = true;
      }
    }
  }
  const parts = [];
  for (const pid of all) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kib = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]);
      parts.push({ pid, comm: procs.get(pid).comm, pss_mib: +(kib / 1024).toFixed(1) });
    } catch {
      /* gone */
    }
  }
  return { total_mib: +parts.reduce((s, p) => s + p.pss_mib, 0).toFixed(1), processes: parts };
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

const session = (args = []) =>
  new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application, args } })
    .build();

// Page-side helpers, prepended to every script below. The Cytoscape instance
// is the one Cytoscape registers on its container (`_cyreg.cy`).
const PAGE = `
  const cyOf = () => document.querySelector('[data-testid="map-canvas"]')?._cyreg?.cy ?? null;
  const painted = (f) => requestAnimationFrame(() => requestAnimationFrame(f));
`;

/** Polls until Cytoscape draws `units` nodes and the page has marked the map drawn. */
async function waitForMap(driver, units, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await driver.executeScript(
      `${PAGE}
       const cy = cyOf();
       const mark = performance.getEntriesByName('recimap:map-drawn').pop();
       const listed = document.querySelectorAll('[data-testid="unit-item"]').length;
       return cy && mark && cy.nodes().length === arguments[0] && listed > 0
         ? { page_ms: performance.now(), mark_ms: mark.startTime } : null;`,
      units,
    );
    if (ready) return ready;
    if (Date.now() > deadline) throw new Error(`the map with ${units} units was not drawn in ${timeoutMs} ms`);
    await sleep(10);
  }
}

async function measureDemo() {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const driver = await session();
    const tSession = performance.now() - t0;
    let ready = null;
    while (!ready) {
      ready = await driver.executeScript(`
        const canvas = document.querySelector('[data-testid="map-canvas"] canvas');
        const units = document.querySelectorAll('[data-testid="unit-item"]').length;
        return canvas && canvas.width > 0 && units > 0 ? { page_ms: performance.now(), units } : null;`);
      if (!ready) await sleep(10);
    }
    const launchMs = performance.now() - t0;
    await sleep(3000); // let layout and the first analysis settle before measuring memory
    const memory = appPss();
    const findings = (await driver.findElements(By.css('[data-testid="finding-item"]'))).length;
    results.push({
      launch_to_interactive_ms: Math.round(launchMs),
      session_started_ms: Math.round(tSession),
      page_ms: Math.round(ready.page_ms),
      units: ready.units,
      findings,
      pss_total_mib: memory.total_mib,
      processes: memory.processes,
    });
    await driver.quit();
    await sleep(500);
  }
  return {
    runs,
    median_launch_to_interactive_ms: median(results.map((r) => r.launch_to_interactive_ms)),
    median_page_ms: median(results.map((r) => r.page_ms)),
    median_pss_total_mib: median(results.map((r) => r.pss_total_mib)),
    results,
  };
}

/** Units and links of the map the shell holds. */
const mapSize = (driver) =>
  driver.executeAsyncScript(
    `const done = arguments[0];
     window.__TAURI_INTERNALS__.invoke('load_state').then((s) => done([s.map.units.length, s.map.links.length]));`,
  );

/** Opens `file` from the recent-files menu and times it until the map is drawn and painted. */
async function openFromRecent(driver, file, units) {
  await (await driver.findElement(By.css('[data-testid="recent"]'))).click();
  await driver.findElement(By.css('[data-testid="recent-menu"]'));
  return driver.executeAsyncScript(
    `${PAGE}
     const [name, units, done] = arguments;
     const item = [...document.querySelectorAll('[data-testid="recent-item"]')].find((b) => b.title.endsWith(name));
     if (!item) return done({ error: 'not in the recent files: ' + name });
     const t0 = performance.now();
     item.click();
     const poll = () => {
       const cy = cyOf();
       const mark = performance.getEntriesByName('recimap:map-drawn').filter((m) => m.startTime > t0).pop();
       if (cy && mark && cy.nodes().length === units) {
         painted(() => done({ drawn_ms: Math.round(mark.startTime - t0), painted_ms: Math.round(performance.now() - t0) }));
       } else setTimeout(poll, 5);
     };
     poll();`,
    basename(file),
    units,
  );
}

/** Renames unit `id` through the unit panel; time until the canvas shows the new label. */
function rename(driver, id, name) {
  return driver.executeAsyncScript(
    `${PAGE}
     const [id, name, done] = arguments;
     const cy = cyOf();
     const input = document.querySelector('[data-testid="unit-name-input"]');
     const t0 = performance.now();
     input.value = name;
     input.dispatchEvent(new Event('input', { bubbles: true }));
     input.dispatchEvent(new Event('change', { bubbles: true }));
     const poll = () => {
       if (cy.getElementById(id).data('label') === name) painted(() => done(Math.round(performance.now() - t0)));
       else setTimeout(poll, 2);
     };
     poll();`,
    id,
    name,
  );
}

/** Frames the page gets in `ms` with nothing happening (the display's pace under Xvfb). */
function idleFrames(driver, ms) {
  return driver.executeAsyncScript(
    `const [ms, done] = arguments;
     let frames = 0;
     const start = performance.now();
     const step = (t) => (t - start >= ms ? done(+(frames / ((t - start) / 1000)).toFixed(1)) : (frames++, requestAnimationFrame(step)));
     requestAnimationFrame(step);`,
    ms,
  );
}

/**
 * Pans through Cytoscape for `ms`, a few pixels every frame, as the view's
 * animations do (fit, focusing a finding): frames the page got, Cytoscape's
 * redraws and their average cost, the longest gap between frames.
 */
function programmaticPan(driver, ms, zoom) {
  return driver.executeAsyncScript(
    `${PAGE}
     const [ms, zoom, done] = arguments;
     const cy = cyOf();
     const r = cy.renderer();
     if (zoom) cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
     setTimeout(() => {
       const draws0 = r.redrawCount ?? 0;
       const drawMs0 = r.redrawTotalTime ?? 0;
       let frames = 0;
       let worst = 0;
       const start = performance.now();
       let last = start;
       const step = (t) => {
         frames++;
         worst = Math.max(worst, t - last);
         last = t;
         if (t - start >= ms) {
           const s = (t - start) / 1000;
           const draws = r.redrawCount - draws0;
           done({ zoom: +cy.zoom().toFixed(3), frames_per_s: +(frames / s).toFixed(1), redraws_per_s: +(draws / s).toFixed(1), ms_per_redraw: +((r.redrawTotalTime - drawMs0) / Math.max(1, draws)).toFixed(1), longest_frame_ms: Math.round(worst) });
           return;
         }
         cy.panBy({ x: 3, y: 2 });
         requestAnimationFrame(step);
       };
       requestAnimationFrame(step);
     }, 1000);`,
    ms,
    zoom,
  );
}

/**
 * Drags the map with the mouse (WebDriver pointer actions: 120 moves of a few
 * pixels, 16 ms each), as a user pans: Cytoscape then moves a picture of the
 * view and hides the edges until the drag ends.
 */
async function dragPan(driver) {
  await driver.executeScript(
    `${PAGE}
     const r = cyOf().renderer();
     window.__pan = { frames: [], draws0: r.redrawCount ?? 0, drawMs0: r.redrawTotalTime ?? 0, stop: false };
     const f = (t) => { window.__pan.frames.push(t); if (!window.__pan.stop) requestAnimationFrame(f); };
     requestAnimationFrame(f);`,
  );
  const canvas = await driver.findElement(By.css('[data-testid="map-canvas"]'));
  let actions = driver.actions({ async: true }).move({ origin: canvas, x: -150, y: -100 }).press();
  for (let i = 0; i < 120; i++) actions = actions.move({ origin: 'pointer', x: 3, y: 2, duration: 16 });
  await actions.release().perform();
  return driver.executeScript(
    `${PAGE}
     window.__pan.stop = true;
     const { frames: f, draws0, drawMs0 } = window.__pan;
     const r = cyOf().renderer();
     const s = (f[f.length - 1] - f[0]) / 1000;
     const draws = r.redrawCount - draws0;
     return { frames_per_s: +((f.length - 1) / s).toFixed(1), redraws_per_s: +(draws / s).toFixed(1), ms_per_redraw: +((r.redrawTotalTime - drawMs0) / Math.max(1, draws)).toFixed(1), longest_frame_ms: Math.round(Math.max(...f.slice(1).map((t, i) => t - f[i]))) };`,
  );
}

async function measureLarge() {
  const results = [];
  for (let run = 0; run < largeRuns; run++) {
    const t0 = performance.now();
    const driver = await session([largeMap]);
    try {
      await driver.manage().setTimeouts({ script: 120_000 });
      const units = await mapSize(driver);
      const ready = await waitForMap(driver, units[0]);
      const launchMs = performance.now() - t0;
      await sleep(3000);
      const memory = appPss();
      // Back to the demo map, then open the large one as a user does.
      await (await driver.findElement(By.css('[data-testid="recent"]'))).click();
      await (await driver.findElement(By.css('[data-testid="open-demo"]'))).click();
      await waitForMap(driver, (await mapSize(driver))[0]);
      await sleep(1000);
      const opened = await openFromRecent(driver, largeMap, units[0]);
      if (opened.error) throw new Error(opened.error);
      await sleep(1000);
      // Select a unit in the list (as a user does) and rename it five times.
      const id = 'u0';
      await (await driver.findElement(By.css(`[data-testid="unit-item"][data-unit-id="${id}"]`))).click();
      await driver.findElement(By.css('[data-testid="unit-name-input"]'));
      await sleep(1000);
      const edits = [];
      for (let i = 0; i < 5; i++) edits.push(await rename(driver, id, `Renamed unit ${run}.${i}`));
      await driver.executeScript(`document.activeElement?.blur()`);
      await (await driver.findElement(By.css('[data-testid="fit"]'))).click();
      await sleep(1000);
      const idle = await idleFrames(driver, 1000);
      const dragFit = await dragPan(driver);
      const panFit = await programmaticPan(driver, 2000, null);
      const panNear = await programmaticPan(driver, 2000, 1);
      await sleep(1000);
      const dragNear = await dragPan(driver);
      results.push({
        units: units[0],
        links: units[1],
        launch_to_drawn_ms: Math.round(launchMs),
        launch_page_mark_ms: Math.round(ready.mark_ms),
        pss_total_mib: memory.total_mib,
        processes: memory.processes,
        open_from_recent: opened,
        rename_ms: edits,
        idle_frames_per_s: idle,
        drag_fitted: dragFit,
        drag_zoom_1: dragNear,
        pan_fitted: panFit,
        pan_zoom_1: panNear,
      });
    } finally {
      await driver.quit();
    }
    // The renames are unsaved: drop the recovery copy so the next run starts clean.
    if (process.env.XDG_DATA_HOME) rmSync(join(process.env.XDG_DATA_HOME, 'org.recimap.Recimap'), { recursive: true, force: true });
    await sleep(500);
  }
  return {
    runs: largeRuns,
    median_launch_to_drawn_ms: median(results.map((r) => r.launch_to_drawn_ms)),
    median_open_painted_ms: median(results.map((r) => r.open_from_recent.painted_ms)),
    median_rename_ms: median(results.flatMap((r) => r.rename_ms)),
    median_drag_fitted_fps: median(results.map((r) => r.drag_fitted.frames_per_s)),
    median_drag_zoom_1_fps: median(results.map((r) => r.drag_zoom_1.frames_per_s)),
    median_pan_fitted_fps: median(results.map((r) => r.pan_fitted.frames_per_s)),
    median_pan_zoom_1_fps: median(results.map((r) => r.pan_zoom_1.frames_per_s)),
    median_pss_total_mib: median(results.map((r) => r.pss_total_mib)),
    results,
  };
}

const driverProcess = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], { stdio: 'ignore' });
try {
  for (const p of [port, nativePort]) {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${p}/status`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 200) throw new Error(`the WebDriver on port ${p} did not start`);
      await sleep(100);
    }
  }
  const loadBefore = load();
  const demo = runs > 0 ? await measureDemo() : null;
  const large = largeMap ? await measureLarge() : null;
  const report = JSON.stringify(
    {
      renderer: process.env.WEBKIT_DISABLE_DMABUF_RENDERER ?? '(unset: the app default)',
      load_average_1_5_15: { before: loadBefore, after: load() },
      demo,
      large,
    },
    null,
    2,
  );
  // A file when asked: the accessibility bus started for the app also writes to stdout.
  if (process.env.MEASURE_OUT) writeFileSync(process.env.MEASURE_OUT, report + '\n');
  else console.log(report);
} finally {
  driverProcess.kill();
}

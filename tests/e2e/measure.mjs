// Measures the release app under Xvfb (not a test; numbers for BENCHMARKS.md):
//   - launch → interactive demo map: from asking tauri-driver for a session
//     (which starts the app) until the map canvas and the unit list are shown,
//     polled every 10 ms; also the page's own performance.now() at that moment
//     (time since the webview started loading the page);
//   - memory: PSS of the app process and all its descendants (the WebKit web
//     and network processes), from /proc/PID/smaps_rollup, with the map shown.
// Run through tests/e2e/measure.sh. Prints JSON.

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Builder, By } from 'selenium-webdriver';

const root = resolve(import.meta.dirname, '../..');
const application = process.env.RECIMAP_APP ?? join(root, 'target/release/recimap-app');
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const runs = Number(process.env.RUNS ?? 5);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

/** PSS in KiB of every process named `recimap-app` and its descendants. */
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

const driverProcess = spawn('tauri-driver', ['--port', String(port)], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      break;
    } catch {
      await sleep(100);
    }
  }
  const results = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}/`)
      .withCapabilities({ browserName: 'wry', 'tauri:options': { application } })
      .build();
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
  const median = (k) => {
    const v = results.map((r) => r[k]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  console.log(
    JSON.stringify(
      {
        runs,
        median_launch_to_interactive_ms: median('launch_to_interactive_ms'),
        median_page_ms: median('page_ms'),
        median_pss_total_mib: median('pss_total_mib'),
        results,
      },
      null,
      2,
    ),
  );
} finally {
  driverProcess.kill();
}

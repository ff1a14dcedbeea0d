// End-to-end test of the real Recimap app in its real webview: tauri-driver
// launches the release binary through Debian's WebKitWebDriver, and this
// suite drives the UI the way a workshop facilitator would. Run it with
// tests/e2e/run.sh (which builds what it needs and provides Xvfb).
//
// The native save dialog cannot be driven through WebDriver, so saving calls
// the shell's real `save_file` command from the page, as the Save As button
// does once the dialog returns a path.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, By, Key, until } from 'selenium-webdriver';

const root = resolve(import.meta.dirname, '../..');
const application = process.env.RECIMAP_APP ?? join(root, 'target/debug/recimap-app');
const outDir = process.env.E2E_OUT ?? join(root, 'out/e2e');
// Ports of our own (not the usual 4444/4445), so a WebDriver someone else
// runs on this machine is never mistaken for ours.
const port = Number(process.env.TAURI_DRIVER_PORT ?? 20000 + 2 * (process.pid % 10000));
const nativePort = Number(process.env.WEBKIT_DRIVER_PORT ?? port + 1);
const work = mkdtempSync(join(tmpdir(), 'recimap-e2e-'));
const savedFile = join(work, 'workshop.recimap');
const hostileFile = join(work, 'hostile.recimap');
const handedFile = join(work, 'handed.recimap');
const HANDED_UNIT = 'Handed Over';
// Two demo units with no relationship between them.
const DRAW_FROM = 'exec';
const DRAW_TO = 'legal';
const exportDir = join(outDir, 'exports');
const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>'];
const TIMEOUT = 20_000;

mkdirSync(exportDir, { recursive: true });
let driverProcess;

before(async () => {
  driverProcess = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  // Wait until tauri-driver and the WebKitWebDriver it starts both answer.
  const deadline = Date.now() + TIMEOUT;
  for (const p of [port, nativePort]) {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${p}/status`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error(`the WebDriver on port ${p} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
});

after(() => {
  driverProcess?.kill();
});

/** Launches the app (optionally on a file) and waits until the map is interactive. */
async function launch(args = []) {
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application, args } })
    .build();
  await waitFor(driver, '[data-testid="map-canvas"]');
  await waitFor(driver, '[data-testid="unit-item"]');
  return driver;
}

async function waitFor(driver, css, timeout = TIMEOUT) {
  const el = await driver.wait(until.elementLocated(By.css(css)), timeout, `no ${css}`);
  await driver.wait(until.elementIsVisible(el), timeout, `${css} not visible`);
  return el;
}

const byTestId = (driver, id) => waitFor(driver, `[data-testid="${id}"]`);

/** Calls a shell command from the page, exactly as the UI's backend.ts does. */
function invoke(driver, command, args = {}) {
  return driver.executeAsyncScript(
    `const [command, args, done] = arguments;
     window.__TAURI_INTERNALS__.invoke(command, args).then(
       (v) => done({ ok: v }), (e) => done({ err: e }));`,
    command,
    args,
  ).then((r) => {
    if (r.err) throw new Error(`${command} failed: ${JSON.stringify(r.err)}`);
    return r.ok;
  });
}

/** The text of elements (textContent: WebKitWebDriver's getText is empty for some). */
function texts(driver, css) {
  return driver.executeScript(
    'return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim());',
    css,
  );
}

const unitNames = (driver) => texts(driver, '[data-testid="unit-item"]');

async function findingsText(driver) {
  await (await byTestId(driver, 'tab-findings')).click();
  await waitFor(driver, '[data-testid="finding-item"]');
  return (await texts(driver, '[data-testid="finding-item"]')).join('\n');
}

async function orgFigure(driver, testid) {
  await (await byTestId(driver, 'tab-scores')).click();
  const el = await byTestId(driver, testid);
  return el.getAttribute('data-value');
}

/**
 * Picks the option with this visible text in a <select>, as the user's pick
 * does: sets the value and fires `input` and `change`. (Clicking an <option>
 * opens WebKitGTK's native popup menu, which WebDriver cannot drive.)
 */
async function choose(driver, testid, text) {
  await byTestId(driver, testid);
  // Look the element up inside the script: a re-render may have replaced it.
  const picked = await driver.executeScript(
    `const [testid, text] = arguments;
     const s = document.querySelector('[data-testid="' + testid + '"]');
     const o = [...s.options].find((o) => o.textContent.trim() === text);
     if (!o) return null;
     s.value = o.value;
     s.dispatchEvent(new Event('input', { bubbles: true }));
     s.dispatchEvent(new Event('change', { bubbles: true }));
     return o.value;`,
    testid,
    text,
  );
  assert.notEqual(picked, null, `${testid} has no option "${text}"`);
}

/**
 * Saves the app's window as the X server shows it. Not WebKitWebDriver's
 * screenshot: under the shared-memory renderer (the app's default) that waits
 * for the page's next rendering update, which never comes while the page is
 * idle, and the suite hung for good on about one screenshot in 25.
 */
async function screenshot(driver, name) {
  const { x, y, width, height } = await driver.manage().window().getRect();
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+${x}+${y}`, '+repage', join(outDir, name)], {
    timeout: TIMEOUT,
  });
}

/** Where unit `id` is drawn, in the page's coordinates (what pointer actions take). */
function onScreen(driver, id) {
  return driver.executeScript(
    `const el = document.querySelector('[data-testid="map-canvas"]');
     const box = el.getBoundingClientRect();
     const p = el._cyreg.cy.getElementById(arguments[0]).renderedPosition();
     return { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y) };`,
    id,
  );
}

/** Presses the mouse at `from`, moves it to `to` in small steps, and lets go. */
async function mouseDrag(driver, from, to) {
  const steps = 12;
  let actions = driver.actions({ async: true }).move({ x: from.x, y: from.y }).press().pause(150);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    actions = actions.move({ x: Math.round(from.x + t * (to.x - from.x)), y: Math.round(from.y + t * (to.y - from.y)), duration: 25 });
  }
  await actions.pause(250).release().perform();
}

/** The map as the shell holds it. */
const shellState = (driver) => invoke(driver, 'load_state');

const NEW_UNIT = 'Fleet Management';
const PARTNER = 'IT Service Desk';
const PARTNER_ID = 'it_desk';

describe('the Recimap app', () => {
  test('a facilitator edits the demo map, undoes, saves, and finds the map as saved after a restart', { timeout: 180_000 }, async () => {
    const driver = await launch();
    try {
      // Starts on the demo map.
      const first = await shellState(driver);
      assert.equal(first.path, null);
      assert.ok(first.map.units.length >= 15, 'the demo map is open');
      assert.ok((await unitNames(driver)).some((n) => n.includes(PARTNER)));
      const findingsBefore = await findingsText(driver);
      const reciprocityBefore = await orgFigure(driver, 'org-weighted-reciprocity');

      // Adds a unit and names it.
      await (await byTestId(driver, 'add-unit')).click();
      const name = await byTestId(driver, 'unit-name-input');
      // Type over the proposed name, as a user does, and press Enter.
      await name.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
      assert.equal(await name.getAttribute('value'), '');
      await name.sendKeys(NEW_UNIT, Key.ENTER);
      await driver.wait(async () => (await unitNames(driver)).some((n) => n.includes(NEW_UNIT)), TIMEOUT, 'the new name is listed');
      const unit = (await shellState(driver)).map.units.find((u) => u.name === NEW_UNIT);
      assert.ok(unit, 'the shell holds the new unit under its name');

      // Creates a relationship without dragging, and rates both directions.
      await choose(driver, 'link-target-select', PARTNER);
      await (await byTestId(driver, 'add-link')).click();
      // The new relationship opens in the side panel, where both directions are rated.
      await byTestId(driver, 'pair-panel');
      await choose(driver, 'rating-ab-frequency', '4');
      await choose(driver, 'rating-ab-why', '2');
      await choose(driver, 'rating-ba-listening', '5');
      await choose(driver, 'rating-ba-trust', '1');
      await driver.wait(async () => {
        const s = await shellState(driver);
        return s.map.links.some((l) => l.target === unit.id && l.ratings.trust === 1);
      }, TIMEOUT, 'the last rating reaches the shell');
      const rated = await shellState(driver);
      const out = rated.map.links.find((l) => l.source === unit.id);
      assert.deepEqual(
        { frequency: out.ratings.frequency, why: out.ratings.why },
        { frequency: 4, why: 2 },
      );
      const pair = rated.analysis.pairs.find((p) => p.a === unit.id || p.b === unit.id);
      assert.equal(pair.reciprocated, 3, 'min(mean(4,2), mean(5,1))');
      assert.match((await texts(driver, '[data-testid="pair-reciprocated"]'))[0], /3/);
      await screenshot(driver, '01-rated.png');

      // A score and a finding change.
      const reciprocityAfter = await orgFigure(driver, 'org-weighted-reciprocity');
      assert.notEqual(reciprocityAfter, reciprocityBefore, 'weighted reciprocity changes');
      assert.equal(Number(reciprocityAfter), rated.analysis.organisation.weighted_reciprocity);
      const findingsAfter = await findingsText(driver);
      assert.notEqual(findingsAfter, findingsBefore, 'the findings change');

      // Undo takes back the last rating only.
      assert.equal((await shellState(driver)).undo_label, `rate ${PARTNER} → ${unit.name}`, "the undo label names the units");
      await (await byTestId(driver, 'undo')).click();
      await driver.wait(async () => {
        const s = await shellState(driver);
        return s.map.links.some((l) => l.target === unit.id && l.ratings.trust == null);
      }, TIMEOUT, 'undo reaches the shell');
      const undone = await shellState(driver);
      const back = undone.map.links.find((l) => l.target === unit.id);
      assert.equal(back.ratings.listening, 5, 'the earlier rating stays');
      assert.ok(undone.can_redo);

      // Saves to a file. The native Save As dialog cannot be driven through
      // WebDriver, so the page calls the shell's real save_file command (what
      // the Save As button calls with the dialog's path), then reloads so the
      // UI shows the document as the shell now holds it.
      await invoke(driver, 'save_file', { path: savedFile });
      await driver.navigate().refresh();
      await waitFor(driver, '[data-testid="unit-item"]');
      const saved = await shellState(driver);
      assert.equal(saved.dirty, false);
      assert.equal(saved.file_name, 'workshop.recimap');
      await driver.wait(
        async () => (await texts(driver, '[data-testid="doc-title"]'))[0] === 'workshop.recimap',
        TIMEOUT,
        'the title shows the file name without the unsaved mark',
      );
      assert.equal(await driver.getTitle(), 'workshop.recimap — Recimap');
      const savedMap = saved.map;

      await driver.quit();

      // Starts again on that file and finds the map as saved.
      const again = await launch([savedFile]);
      try {
        const reopened = await shellState(again);
        assert.equal(reopened.path, savedFile);
        assert.equal(reopened.dirty, false);
        assert.deepEqual(reopened.map, savedMap);
        assert.ok((await unitNames(again)).some((n) => n.includes(NEW_UNIT)));
        assert.deepEqual(await texts(again, '[data-testid="doc-title"]'), ['workshop.recimap']);
        await screenshot(again, '02-reopened.png');
      } finally {
        await again.quit();
      }
    } catch (e) {
      await screenshot(driver, 'failure.png').catch(() => {});
      throw e;
    } finally {
      await driver.quit().catch(() => {});
    }
  });

  test('a facilitator draws a relationship and moves a unit with the mouse', { timeout: 120_000 }, async () => {
    const driver = await launch();
    try {
      const before = await shellState(driver);
      const linked = (s, a, b) => s.map.links.some((l) => l.source === a && l.target === b);
      assert.ok(!linked(before, DRAW_FROM, DRAW_TO) && !linked(before, DRAW_TO, DRAW_FROM), 'the two units start unlinked');

      // Draw mode on, then drag from one unit to the other.
      await (await byTestId(driver, 'connect-mode')).click();
      const from = await onScreen(driver, DRAW_FROM);
      const to = await onScreen(driver, DRAW_TO);
      await mouseDrag(driver, from, to);
      await driver.wait(async () => linked(await shellState(driver), DRAW_FROM, DRAW_TO), TIMEOUT, 'the drawn relationship reaches the shell');
      // It opens in the side panel, ready to rate in both directions.
      await byTestId(driver, 'pair-panel');
      await byTestId(driver, 'rating-ab-frequency');
      await (await byTestId(driver, 'connect-mode')).click();
      await screenshot(driver, '04-drawn.png');

      // Drag a unit: its stored position moves by the distance dragged (at this zoom).
      const zoom = await driver.executeScript(`return document.querySelector('[data-testid="map-canvas"]')._cyreg.cy.zoom();`);
      const start = (await shellState(driver)).map.units.find((u) => u.id === DRAW_TO).position;
      const at = await onScreen(driver, DRAW_TO);
      await mouseDrag(driver, at, { x: at.x + 80, y: at.y + 40 });
      await driver.wait(async () => {
        const p = (await shellState(driver)).map.units.find((u) => u.id === DRAW_TO).position;
        return Math.abs(p.x - start.x - 80 / zoom) < 6 / zoom && Math.abs(p.y - start.y - 40 / zoom) < 6 / zoom;
      }, TIMEOUT, 'the moved unit is stored where it was dropped');
      // Undo puts it back.
      await (await byTestId(driver, 'undo')).click();
      await driver.wait(async () => {
        const p = (await shellState(driver)).map.units.find((u) => u.id === DRAW_TO).position;
        return p.x === start.x && p.y === start.y;
      }, TIMEOUT, 'undo moves the unit back');
    } catch (e) {
      await screenshot(driver, 'failure-mouse.png').catch(() => {});
      throw e;
    } finally {
      await driver.quit();
    }
  });

  test('a second launch on a file hands it to the running window and ends', { timeout: 120_000 }, async () => {
    const driver = await launch();
    try {
      // A file to hand over, made by the running app, which then starts a new map.
      await invoke(driver, 'apply_edit', { edit: { op: 'add_unit', unit: { id: 'handed', name: HANDED_UNIT, kind: 'digital' } } });
      await invoke(driver, 'save_file', { path: handedFile });
      await invoke(driver, 'new_map');
      await driver.navigate().refresh();
      await waitFor(driver, '[data-testid="map-canvas"]');
      assert.equal((await shellState(driver)).path, null);

      // The second launch names the file relative to its own directory.
      const second = spawn(application, ['handed.recimap'], { cwd: work, env: process.env, stdio: 'ignore' });
      const ended = await new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error('the second launch did not end')), TIMEOUT);
        second.on('exit', (code) => {
          clearTimeout(timer);
          done(code);
        });
      });
      assert.equal(ended, 0, 'the second launch ends without error');
      await driver.wait(async () => (await shellState(driver)).path === handedFile, TIMEOUT, 'the running window opens the file');
      await driver.wait(async () => (await unitNames(driver)).some((n) => n.includes(HANDED_UNIT)), TIMEOUT, 'the handed-over map is listed');
      await driver.wait(async () => (await texts(driver, '[data-testid="doc-title"]'))[0] === 'handed.recimap', TIMEOUT, 'the title shows the file');
      assert.equal((await driver.getAllWindowHandles()).length, 1, 'still one window');
    } catch (e) {
      await screenshot(driver, 'failure-hand-over.png').catch(() => {});
      throw e;
    } finally {
      await driver.quit();
    }
  });

  test('unit names from a file are shown as text and never run', { timeout: 180_000 }, async () => {
    // Make the hostile file with the app itself: add the units, save, quit.
    const maker = await launch();
    try {
      for (const [i, name] of HOSTILE.entries()) {
        await invoke(maker, 'apply_edit', {
          edit: { op: 'add_unit', unit: { id: `hostile-${i}`, name, kind: 'external', position: { x: 40 * i, y: -300 } } },
        });
      }
      await invoke(maker, 'apply_edit', {
        edit: { op: 'set_link', link: { source: 'hostile-0', target: 'hostile-1', ratings: { frequency: 3 } } },
      });
      await invoke(maker, 'save_file', { path: hostileFile });
    } finally {
      await maker.quit();
    }

    const driver = await launch([hostileFile]);
    try {
      await driver.executeScript('window.__alerted = 0; window.alert = () => { window.__alerted += 1; };');
      const names = await unitNames(driver);
      for (const name of HOSTILE) {
        assert.ok(names.some((n) => n.includes(name)), `"${name}" is listed literally in ${JSON.stringify(names)}`);
      }
      // Open the unit so its name is also shown in the side panel.
      await (await driver.findElement(By.css('[data-testid="unit-item"][data-unit-id="hostile-0"]'))).click();
      const input = await byTestId(driver, 'unit-name-input');
      assert.equal(await input.getAttribute('value'), HOSTILE[0]);
      await findingsText(driver);
      await screenshot(driver, '03-hostile.png');
      const injected = await driver.executeScript(`return {
        imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
        scripts: [...document.scripts].filter((s) => s.textContent.includes('alert(')).length,
        alerted: window.__alerted,
      };`);
      assert.deepEqual(injected, { imgs: 0, scripts: 0, alerted: 0 }, 'no element was injected and nothing ran');
      // The CSP would have blocked an inline handler even if one had slipped in.
      const blocked = await driver.executeAsyncScript(`const done = arguments[0];
        let violated = false;
        document.addEventListener('securitypolicyviolation', () => { violated = true; });
        const d = document.createElement('div');
        d.innerHTML = '<img src="data:," onerror="window.__alerted = 99">';
        document.body.appendChild(d);
        setTimeout(() => { d.remove(); done({ violated, alerted: window.__alerted }); }, 500);`);
      assert.equal(blocked.alerted, 0, 'an inline event handler does not run under the CSP');
      await screenshot(driver, 'final.png');
    } catch (e) {
      await screenshot(driver, 'failure-hostile.png').catch(() => {});
      throw e;
    } finally {
      await driver.quit();
    }
  });

  test('a CIO presents the findings, exports every format and compares before and after', { timeout: 240_000 }, async () => {
    const driver = await launch();
    const press = (...keys) => driver.actions().sendKeys(...keys).perform();
    const step = async () => {
      await byTestId(driver, 'presentation-step');
      return driver.executeScript(`const el = document.querySelector('[data-testid="presentation-step"]');
        return { kind: el.dataset.stepKind, key: el.dataset.findingKey ?? null, text: el.textContent };`);
    };
    try {
      // Hide the second finding from the deck; the choice is part of the map.
      await findingsText(driver);
      const all = (await shellState(driver)).analysis.findings;
      assert.ok(all.length >= 3, 'the demo map has findings to present');
      const hideButtons = await driver.findElements(By.css('[data-testid="finding-hide"]'));
      await hideButtons[1].click();
      await driver.wait(async () => (await shellState(driver)).map.hidden_findings.includes(all[1].key), TIMEOUT, 'the hidden finding reaches the shell');
      const shown = all.filter((f) => f.key !== all[1].key);

      // Present: the editing chrome goes; the title slide comes first.
      await (await byTestId(driver, 'present')).click();
      await byTestId(driver, 'presentation');
      assert.equal((await step()).kind, 'title');
      assert.equal((await driver.findElements(By.css('[data-testid="add-unit"], [data-testid="tab-findings"], [data-testid="unit-item"]'))).length, 0, 'no editing chrome while presenting');
      const counter = await texts(driver, '[data-testid="presentation-counter"]');
      assert.equal(counter[0], `1 / ${shown.length + 3}`, 'title, overview, one step per shown finding, summary');
      await press(Key.ARROW_RIGHT);
      await driver.wait(async () => (await step()).kind === 'overview', TIMEOUT, 'the overview follows the title');
      // One step per finding, in the ranked order, the hidden one left out.
      for (const [i, f] of shown.entries()) {
        await press(Key.ARROW_RIGHT);
        await driver.wait(async () => (await step()).key === f.key, TIMEOUT, `step ${i + 3} shows finding ${f.key}`);
        const s = await step();
        assert.equal(s.kind, 'finding');
        assert.ok(s.text.includes(f.message), `the finding's message is on its step: ${f.message}`);
        assert.ok(s.text.includes(f.recommendation), 'and its recommendation');
        if (i === 0) await screenshot(driver, '04-presenting-finding.png');
      }
      await press(Key.ARROW_RIGHT);
      await driver.wait(async () => (await step()).kind === 'summary', TIMEOUT, 'the summary ends the deck');
      const summary = (await step()).text;
      for (const f of shown) assert.ok(summary.includes(f.recommendation), `the summary lists: ${f.recommendation}`);
      await press(Key.ARROW_RIGHT);
      assert.equal((await step()).kind, 'summary', 'stepping past the end stays on the summary');
      // Esc leaves; F5 starts again from the title; the exit button leaves too.
      await press(Key.ESCAPE);
      await byTestId(driver, 'add-unit');
      assert.equal((await driver.findElements(By.css('[data-testid="presentation"]'))).length, 0);
      await press(Key.F5);
      await driver.wait(async () => (await driver.findElements(By.css('[data-testid="presentation"]'))).length === 1, TIMEOUT, 'F5 presents');
      assert.equal((await step()).kind, 'title');
      await (await byTestId(driver, 'presentation-exit')).click();
      await byTestId(driver, 'add-unit');

      // Export: the menu offers every format; each is written by the shell's
      // export command (the native save dialog cannot be driven, so the page
      // calls the command with the path the dialog would return).
      await (await byTestId(driver, 'export')).click();
      const entries = await texts(driver, '[data-testid="export-menu"] [role="menuitem"]');
      assert.equal(entries.length, 7, `the Export menu: ${entries}`);
      await press(Key.ESCAPE);
      const state = await shellState(driver);
      const exports = [
        ['map.png', 'png', { scale: 2 }],
        ['map.svg', 'svg', {}],
        ['report.html', 'html', {}],
        ['report-a4.pdf', 'pdf', { paper: 'a4' }],
        ['report-letter.pdf', 'pdf', { paper: 'letter' }],
      ];
      for (const [name, format, extra] of exports) {
        const path = join(exportDir, name);
        const options = { scale: null, paper: null, compare: null, finding: null, ...extra };
        const size = await invoke(driver, 'export_map', { path, format, options });
        assert.equal(statSync(path).size, size, `${name}: the size the command reports`);
      }
      const bytes = (n) => readFileSync(join(exportDir, n));
      assert.deepEqual([...bytes('map.png').subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      const svgText = bytes('map.svg').toString('utf8');
      const html = bytes('report.html').toString('utf8');
      for (const u of state.map.units) {
        const name = u.name.replace(/&/g, '&amp;');
        assert.ok(svgText.includes(name), `the SVG names ${u.name}`);
        assert.ok(html.includes(name), `the report names ${u.name}`);
      }
      assert.ok(html.includes(state.analysis.findings[0].message.replace(/&/g, '&amp;')), 'the report has the findings');
      assert.ok(!html.includes(all[1].message.replace(/&/g, '&amp;')), 'but not the hidden one');
      for (const n of ['report-a4.pdf', 'report-letter.pdf']) assert.equal(bytes(n).subarray(0, 5).toString(), '%PDF-');
      const failed = await invoke(driver, 'export_map', {
        path: join(work, 'no-such-folder', 'x.png'),
        format: 'png',
        options: { scale: 3, paper: null, compare: null, finding: null },
      }).catch((e) => String(e));
      assert.match(failed, /scale must be 1, 2 or 4/, 'a bad request is refused with a message');

      // Before and after: keep a snapshot, improve a relationship, compare.
      await (await byTestId(driver, 'tab-snapshots')).click();
      const label = await byTestId(driver, 'snapshot-label');
      await label.sendKeys('Before the workshop');
      await (await byTestId(driver, 'add-snapshot')).click();
      await driver.wait(async () => (await texts(driver, '[data-testid="snapshot-item"]')).some((t) => t.includes('Before the workshop')), TIMEOUT, 'the snapshot is listed');
      const link = state.map.links.find((l) => l.ratings.listening != null && l.ratings.listening < 5);
      await invoke(driver, 'apply_edit', { edit: { op: 'set_link', link: { ...link, ratings: { ...link.ratings, listening: 5 } } } });
      await driver.navigate().refresh();
      await (await byTestId(driver, 'tab-snapshots')).click();
      await choose(driver, 'compare-before', 'Before the workshop');
      await choose(driver, 'compare-after', 'The map now');
      await (await byTestId(driver, 'compare')).click();
      await byTestId(driver, 'compare-banner');
      assert.match((await texts(driver, '[data-testid="compare-banner"]'))[0], /Before the workshop/);
      assert.equal((await texts(driver, '[data-testid="compare-summary"]'))[0], '1 stronger.', 'one direction got stronger');
      await byTestId(driver, 'legend-trends');
      assert.match((await texts(driver, '[data-testid="comparison"]'))[0], /Better/);
      await screenshot(driver, '05-before-after.png');
      const snapshotId = (await invoke(driver, 'list_snapshots'))[0].id;
      const cmpPath = join(exportDir, 'before-after.html');
      await invoke(driver, 'export_map', {
        path: cmpPath,
        format: 'html',
        options: { scale: null, paper: null, compare: [{ snapshot: snapshotId }, 'current'], finding: null },
      });
      const cmpHtml = readFileSync(cmpPath, 'utf8');
      assert.ok(cmpHtml.includes('<section id="before-after">'), 'the report has the before/after section');
      assert.ok(cmpHtml.includes(`data-source="${link.source}" data-target="${link.target}" data-trend="stronger"`), 'with the improved direction coloured');
      // Leaving the comparison gives the editable map back.
      await (await byTestId(driver, 'compare-close')).click();
      await driver.wait(async () => (await driver.findElements(By.css('[data-testid="compare-banner"]'))).length === 0, TIMEOUT, 'the banner goes');
      assert.equal((await driver.findElements(By.css('[data-testid="legend-trends"]'))).length, 0);
    } catch (e) {
      await screenshot(driver, 'failure-present.png').catch(() => {});
      throw e;
    } finally {
      await driver.quit();
    }
  });
});

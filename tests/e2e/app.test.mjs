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
import { mkdirSync, mkdtempSync } from 'node:fs';
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
const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>'];
const TIMEOUT = 20_000;

mkdirSync(outDir, { recursive: true });
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
      assert.equal((await shellState(driver)).undo_label, `set link ${PARTNER_ID} → ${unit.id}`);
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
});

// Review-mode browser test: headless Chromium (Debian's, through playwright-core) on `stationmap serve OUTDIR
// --review FILE` for a map built from the project's own test documents (tests/serve/data/review_docs).
// Rejecting a station from its popup appends the row to FILE and shows the rebuild banner; a rebuild with
// FILE as --corrections drops the station; a request without the token is refused and appends nothing.
// Env: STATIONMAP_BINARY, STATIONMAP_REVIEW_DOCS, CHROMIUM (default /usr/bin/chromium).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, mapIdle, startServer } from './browser_tools.mjs';

const binary = process.env.STATIONMAP_BINARY;
const docs = process.env.STATIONMAP_REVIEW_DOCS;
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

function build(outdir, extra = []) {
  const r = spawnSync(binary, ['build', docs, '-o', outdir, ...extra], { encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed: ${r.stderr}`);
  return JSON.parse(readFileSync(join(outdir, 'stations.geojson'), 'utf8')).features.map((f) => f.properties);
}

const row = { action: 'reject', target: 'station-gn3067696', value: '', note: 'forged' };

test('review mode: reject from the popup, rebuild drops the station, no token no write', { timeout: 170000 }, async () => {
  assert.ok(binary && docs, 'set STATIONMAP_BINARY and STATIONMAP_REVIEW_DOCS');
  assert.ok(existsSync(browserPath), `Chromium not found at ${browserPath} (apt-get install chromium)`);
  const work = mkdtempSync(join(tmpdir(), 'stationmap-review-'));
  const reviewFile = join(work, 'corrections.csv');
  const before = build(join(work, 'map'));
  const budapest = before.find((p) => p.name === 'Budapest');
  assert.ok(budapest, `Budapest is a station before review: ${before.map((p) => p.name)}`);

  const server = await startServer(binary, join(work, 'map'), ['--review', reviewFile]);
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium(browserPath);
  try {
    // Without the token (or with a wrong one) nothing is written.
    for (const headers of [{ 'Content-Type': 'application/json' },
                           { 'Content-Type': 'application/json', 'X-Stationmap-Token': '0'.repeat(32) }]) {
      const r = await fetch(origin + '/review/corrections', { method: 'POST', headers, body: JSON.stringify(row) });
      assert.equal(r.status, 403);
    }
    assert.ok(!existsSync(reviewFile), 'a refused request appends nothing');

    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.loaded === 'true', null, { timeout: 60000 });
    const idle = () => mapIdle(page);
    const maxzoom = await page.evaluate(() => window.stationmap.map.getStyle().sources.stationmap.maxzoom);
    await page.evaluate((z) => window.stationmap.map.jumpTo({ center: [19.04045, 47.49835], zoom: z }), maxzoom);
    await idle();
    const pt = await page.evaluate(() => window.stationmap.map.project([19.04045, 47.49835]));
    await page.mouse.click(pt.x, pt.y);
    const popup = page.locator('.maplibregl-popup .station-popup');
    await popup.waitFor({ timeout: 10000 });
    assert.match(await popup.innerText(), /Budapest/);
    await popup.locator('.review-note').fill('a shop, not a station (visited)');
    await popup.locator('.review-reject').click();
    await page.locator('#review-banner').waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await page.locator('#review-banner').innerText(), /rebuild needed/);

    // The page's own script without the token is refused too.
    const status = await page.evaluate((body) => fetch('review/corrections', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.status),
    JSON.stringify(row));
    assert.equal(status, 403);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }

  const lines = readFileSync(reviewFile, 'utf8').trim().split('\n');
  assert.deepEqual(lines, ['action,target,value,note',
                           `reject,${budapest.station_id},,"a shop, not a station (visited)"`]);
  const after = build(join(work, 'map2'), ['--corrections', reviewFile]);
  assert.ok(!after.some((p) => p.name === 'Budapest'), 'the rejected station is gone after the rebuild');
  assert.equal(after.length, before.length - 1);
  rmSync(work, { recursive: true, force: true });
});

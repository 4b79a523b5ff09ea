// Browser test: headless Chromium (Debian's, through playwright-core) opens the map that
// `stationmap serve` serves for a test OUTDIR, and checks that tiles load, that nothing is logged as an
// error, that no request leaves 127.0.0.1, and that a click on a station opens its popup with the evidence.
// Env: STATIONMAP_TEST_OUTDIR (written by tests/serve/make_test_outdir), STATIONMAP_BINARY,
// CHROMIUM (default /usr/bin/chromium), STATIONMAP_SCREENSHOT (optional PNG path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outdir = process.env.STATIONMAP_TEST_OUTDIR;
const binary = process.env.STATIONMAP_BINARY;
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', outdir, '--port', '0', '--host', '127.0.0.1'],
                        { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), 15000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]), log: () => err }); }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

/// '#a50f15' -> 'rgb(165, 15, 21)', as the browser reports a computed colour.
function cssRgb(hex) {
  const n = (i) => parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${n(1)}, ${n(3)}, ${n(5)})`;
}

/// The fill colour of each category of a categorized QGIS style, as 'rgb(r, g, b)'.
function qmlCategoryColors(qml) {
  const symbolOf = {};
  for (const m of qml.matchAll(/<category symbol="(\d+)" value="([^"]*)"/g)) symbolOf[m[2]] = m[1];
  const colorOf = {};
  for (const m of qml.matchAll(/<symbol [^>]*name="(\d+)"[^>]*>[\s\S]*?<prop k="color" v="(\d+),(\d+),(\d+),\d+"/g)) {
    colorOf[m[1]] = `rgb(${m[2]}, ${m[3]}, ${m[4]})`;
  }
  return Object.fromEntries(Object.entries(symbolOf).map(([value, symbol]) => [value, colorOf[symbol]]));
}

test('the served map loads its tiles offline and a station click shows the evidence', { timeout: 150000 }, async () => {
  assert.ok(outdir && binary, 'set STATIONMAP_TEST_OUTDIR and STATIONMAP_BINARY');
  assert.ok(existsSync(browserPath), `Chromium not found at ${browserPath} (apt-get install chromium)`);
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--no-first-run',
           '--disable-features=Translate,OptimizationHints,MediaRouter'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const errors = [];
    const outside = [];
    const tiles = { ok: 0, empty: 0, failed: [] };
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('response', (r) => {
      if (!/\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(r.url())) return;
      if (r.status() === 200) tiles.ok++;
      else if (r.status() === 204) tiles.empty++;
      else tiles.failed.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.loaded === 'true', null, { timeout: 60000 });
    const idle = () => page.evaluate(() => new Promise((resolve) => {
      const map = window.stationmap.map;
      if (map.loaded() && map.areTilesLoaded()) resolve(true); else map.once('idle', () => resolve(true));
    }));
    await idle();
    assert.ok(tiles.ok > 0, 'vector tiles were loaded');
    assert.deepEqual(tiles.failed, []);

    // Legend and toggles are there.
    assert.equal(await page.locator('#toggles input[type=checkbox]').count(), 4);
    assert.ok((await page.locator('#legend').innerText()).includes('confirmed'));

    // One palette: for every status, the legend's swatch, the MapLibre style and stations.qml (QGIS) agree.
    const legend = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.legend-status')]
      .map((row) => [row.dataset.status, getComputedStyle(row.querySelector('.swatch')).backgroundColor])));
    const style = JSON.parse(readFileSync(join(outdir, 'style.json'), 'utf8'));
    const match = style.layers.find((l) => l.id === 'stations').paint['circle-color'];
    const styleColors = {};
    for (let i = 2; i + 1 < match.length; i += 2) styleColors[match[i]] = match[i + 1];
    const qmlColors = qmlCategoryColors(readFileSync(join(outdir, 'stations.qml'), 'utf8'));
    const statuses = Object.keys(style.metadata['stationmap:status-colors']);
    assert.equal(statuses.length, 7, 'seven statuses');
    for (const status of statuses) {
      assert.equal(cssRgb(styleColors[status]), legend[status], `${status}: style.json vs legend`);
      assert.equal(cssRgb(styleColors[status]), qmlColors[status], `${status}: style.json vs stations.qml`);
    }

    // Zoom to Milano at the tiles' maxzoom (no clustering there) and click the station.
    const maxzoom = await page.evaluate(() => window.stationmap.map.getStyle().sources.stationmap.maxzoom);
    await page.evaluate((z) => window.stationmap.map.jumpTo({ center: [9.18951, 45.46427], zoom: z }), maxzoom);
    await idle();
    const rendered = await page.evaluate(() => window.stationmap.map.queryRenderedFeatures({ layers: ['stations'] })
      .map((f) => f.properties.name));
    assert.ok(rendered.includes('Milano'), `Milano is drawn: ${rendered}`);
    const pt = await page.evaluate(() => window.stationmap.map.project([9.18951, 45.46427]));
    await page.mouse.click(pt.x, pt.y);
    const popup = page.locator('.maplibregl-popup .station-popup');
    await popup.waitFor({ timeout: 10000 });
    const text = await popup.innerText();
    assert.match(text, /Milano/);
    assert.match(text, /Status: confirmed/);
    assert.match(text, /Run from: Wenzhou/);
    assert.match(text, /Milano office was run from China/);
    assert.match(text, /Report doc-1/);

    // A cluster at zoom 1 shows its count.
    await page.evaluate(() => document.querySelector('.maplibregl-popup-close-button').click());
    await page.evaluate(() => window.stationmap.map.jumpTo({ center: [5, 48], zoom: 1 }));
    await idle();
    await page.waitForFunction(() => document.querySelectorAll('.cluster-count').length > 0, null, { timeout: 10000 });

    if (process.env.STATIONMAP_SCREENSHOT) await page.screenshot({ path: process.env.STATIONMAP_SCREENSHOT });
    assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
    assert.deepEqual(errors, [], 'no console error');
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
});

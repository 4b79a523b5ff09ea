// Browser test: headless Chromium (Debian's, through playwright-core) opens the map that
// `stationmap serve` serves for a test OUTDIR, and checks that tiles load, that nothing is logged as an
// error, that no request leaves 127.0.0.1, and that a click on a station opens its popup with the evidence.
// Env: STATIONMAP_TEST_OUTDIR (written by tests/serve/make_test_outdir), STATIONMAP_BINARY,
// CHROMIUM (default /usr/bin/chromium), STATIONMAP_SCREENSHOT (optional PNG path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardOffline, launchChromium, mapIdle, startServer } from './browser_tools.mjs';

const outdir = process.env.STATIONMAP_TEST_OUTDIR;
const binary = process.env.STATIONMAP_BINARY;
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

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
  const server = await startServer(binary, outdir);
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium(browserPath);
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const { errors, outside } = await guardOffline(page, origin);
    const tiles = { ok: 0, empty: 0, failed: [] };
    page.on('response', (r) => {
      if (!/\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(r.url())) return;
      if (r.status() === 200) tiles.ok++;
      else if (r.status() === 204) tiles.empty++;
      else tiles.failed.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.loaded === 'true', null, { timeout: 60000 });
    const idle = () => mapIdle(page);
    await idle();
    assert.ok(tiles.ok > 0, 'vector tiles were loaded');
    assert.deepEqual(tiles.failed, []);

    // Legend and toggles are there.
    assert.equal(await page.locator('#toggles input[type=checkbox]').count(), 5);
    // Candidates (sites in doubt) are for review: their layer starts hidden, never drawn like a station.
    assert.equal(await page.locator('#toggles input[data-layers=candidates]').isChecked(), false);
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

// Browser test of the basemap: headless Chromium (through playwright-core) opens the map `stationmap serve`
// serves for an OUTDIR, at zoom 2, and checks that land is drawn (share of the canvas in the palette's land
// colour), that country names are drawn (glyphs served from the OUTDIR), that no request leaves 127.0.0.1 and
// that nothing is logged as an error.
// Env: STATIONMAP_TEST_OUTDIR, STATIONMAP_BINARY, CHROMIUM (default /usr/bin/chromium),
// STATIONMAP_SCREENSHOT (optional PNG path), BASEMAP_MIN_LAND (default 0.2), BASEMAP_MIN_NAMES (default 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { guardOffline, launchChromium, startServer } from './browser_tools.mjs';

const outdir = process.env.STATIONMAP_TEST_OUTDIR;
const binary = process.env.STATIONMAP_BINARY;
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const minLand = Number(process.env.BASEMAP_MIN_LAND || 0.2);
const minNames = Number(process.env.BASEMAP_MIN_NAMES || 10);

test('the web map draws land, borders and country names offline at zoom 2', { timeout: 150000 }, async () => {
  assert.ok(outdir && binary, 'set STATIONMAP_TEST_OUTDIR and STATIONMAP_BINARY');
  const style = JSON.parse(readFileSync(`${outdir}/style.json`, 'utf8'));
  const land = style.layers.find((l) => l.id === 'basemap-land').paint['fill-color'];
  const server = await startServer(binary, outdir);
  const origin = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium(browserPath);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { errors, outside } = await guardOffline(page, origin);
    await page.goto(origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.loaded === 'true', null, { timeout: 60000 });
    await page.evaluate(() => window.stationmap.map.jumpTo({ center: [40, 25], zoom: 2 }));
    await page.evaluate(() => new Promise((resolve) => {
      const map = window.stationmap.map;
      map.once('idle', () => resolve(true));
      map.triggerRepaint();
    }));
    const names = await page.evaluate(() => [...new Set(window.stationmap.map
      .queryRenderedFeatures({ layers: ['basemap-labels'] }).map((f) => f.properties.name))]);
    // Share of the canvas in the land colour (read back from the WebGL canvas after a repaint).
    const share = await page.evaluate((hex) => new Promise((resolve) => {
      const map = window.stationmap.map;
      map.once('render', () => {
        const c = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = c.width; copy.height = c.height;
        const ctx = copy.getContext('2d');
        ctx.drawImage(c, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let hits = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.abs(px[i] - want[0]) + Math.abs(px[i + 1] - want[1]) + Math.abs(px[i + 2] - want[2]) < 12) hits++;
        }
        resolve(hits / (px.length / 4));
      });
      map.triggerRepaint();
    }), land);
    console.log(`land ${(share * 100).toFixed(1)}% of the canvas; ${names.length} country names: ${names.slice(0, 15).join(', ')}`);
    if (process.env.STATIONMAP_SCREENSHOT) await page.screenshot({ path: process.env.STATIONMAP_SCREENSHOT });
    assert.ok(share > minLand, `land drawn: ${share}`);
    assert.ok(names.length >= minNames, `country names drawn: ${names.length}`);
    assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
    assert.deepEqual(errors, [], 'no console error');
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
});

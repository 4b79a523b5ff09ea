// Start-up the browser tests share: `stationmap serve` on a free port, headless Chromium (Debian's, through
// playwright-core) with software WebGL and no background traffic, a page that records its errors and refuses
// every request that leaves the server's origin, and waiting until the map has drawn its tiles.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

/// Starts `BINARY serve OUTDIR --port 0 --host 127.0.0.1 ...extra`; resolves to { child, port, log } once it
/// says where it listens (15 s at most).
export function startServer(binary, outdir, extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', outdir, '--port', '0', '--host', '127.0.0.1', ...extra],
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

/// Headless Chromium from @p executablePath: software WebGL, no update checks or other background requests.
export function launchChromium(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--no-first-run',
           '--disable-features=Translate,OptimizationHints,MediaRouter'],
  });
}

/// Records the page's console errors and uncaught exceptions in `errors`, and aborts (and records in `outside`)
/// every request that is not to @p origin, data: or blob:.
export async function guardOffline(page, origin) {
  const errors = [];
  const outside = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { errors, outside };
}

/// Resolves once the page's map has loaded and drawn every tile it needs.
export function mapIdle(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const map = window.stationmap.map;
    if (map.loaded() && map.areTilesLoaded()) resolve(true); else map.once('idle', () => resolve(true));
  }));
}

// The PMTiles file that stationmap writes, read by the npm pmtiles library (the reader web clients use):
// header, metadata, every tile address of every zoom (no tile outside 2^z), and each station at every zoom.
// STATIONMAP_TEST_OUTDIR: an OUTDIR written by tests/serve/make_test_outdir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { decodeStations } from './tile_tools.mjs';

const outdir = process.env.STATIONMAP_TEST_OUTDIR;

class BufferSource {
  constructor(buf) { this.buf = buf; }
  getKey() { return 'tiles.pmtiles'; }
  async getBytes(offset, length) {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  }
}

test('the pmtiles library reads tiles.pmtiles', async (t) => {
  assert.ok(outdir, 'set STATIONMAP_TEST_OUTDIR');
  const buf = readFileSync(join(outdir, 'tiles.pmtiles'));
  const p = new PMTiles(new BufferSource(buf));
  const header = await p.getHeader();
  assert.equal(header.specVersion, 3);
  assert.equal(header.tileType, 1, 'MVT');
  assert.equal(header.tileCompression, 2, 'gzip');
  assert.equal(header.rootDirectoryOffset, 127);
  assert.ok(header.rootDirectoryOffset + header.rootDirectoryLength <= 16384);
  const meta = await p.getMetadata();
  assert.deepEqual(meta.vector_layers.map((l) => l.id).sort(), ['jurisdictions', 'links', 'places', 'stations']);

  // Every address of every zoom: the tiles found are exactly the addressed ones.
  let found = 0;
  const stationIds = new Set();
  const perZoom = new Map();
  for (let z = header.minZoom; z <= header.maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const got = await p.getZxy(z, x, y);
        if (!got) continue;
        found++;
        for (const s of decodeStations(new Uint8Array(got.data))) {
          const ids = s.cluster ? s.member_ids.split(',') : [s.station_id];
          assert.equal(ids.length, s.point_count, 'point_count is the number of members');
          const list = perZoom.get(z) || [];
          list.push(...ids);
          perZoom.set(z, list);
          ids.forEach((id) => stationIds.add(id));
        }
      }
    }
  }
  assert.equal(found, header.numAddressedTiles);
  assert.equal(await p.getZxy(header.maxZoom + 1, 0, 0), undefined);
  assert.ok(stationIds.size > 0);
  for (let z = header.minZoom; z <= header.maxZoom; z++) {
    const ids = perZoom.get(z) || [];
    assert.equal(ids.length, stationIds.size, `zoom ${z}: every station once (cluster counts add up)`);
    assert.equal(new Set(ids).size, stationIds.size, `zoom ${z}: no station twice`);
  }
});

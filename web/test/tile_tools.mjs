// Helpers for the node tests: MVT decoding with @mapbox/vector-tile (MapLibre's own decoder).
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';

/// Station features of a tile whose position lies inside the tile (copies in a neighbour's buffer excluded).
export function decodeStations(raw) {
  const tile = new VectorTile(new Protobuf(raw));
  const layer = tile.layers.stations;
  const out = [];
  if (!layer) return out;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const [[p]] = f.loadGeometry();
    if (p.x < 0 || p.y < 0 || p.x >= layer.extent || p.y >= layer.extent) continue;
    out.push(f.properties);
  }
  return out;
}

/// Every layer name -> feature count of a tile.
export function layerCounts(raw) {
  const tile = new VectorTile(new Protobuf(raw));
  return Object.fromEntries(Object.entries(tile.layers).map(([k, l]) => [k, l.length]));
}

// The demo county's base map: its main roads and building blocks as GeoJSON, drawn light grey under
// the grids so the maps show a place without any tile server. A pure function of the demo layout
// (the community lattice), so the same every time and nothing to store.
import type { BaseMap, BaseFeature } from '../features/base-map/schemas.js';
import { communitySize, lattices, origin } from './seed.js';

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const point = (lng: number, lat: number): [number, number] => [round(lng), round(lat)];

export function demoBaseMap(): BaseMap {
  const features: BaseFeature[] = [];
  const columns = 4;
  const rows = Math.ceil(lattices.length / columns);
  const west = origin.lng;
  const east = origin.lng + columns * communitySize.lng;
  const north = origin.lat + communitySize.lat;
  const south = origin.lat - (rows - 1) * communitySize.lat;
  const road = (kind: 'main_road' | 'road', coordinates: [number, number][]) =>
    features.push({ type: 'Feature', properties: { kind }, geometry: { type: 'LineString', coordinates } });
  // Main roads along the communities' edges (a margin beyond the county's edge), minor ones through them.
  const margin = communitySize.lng * 0.4;
  for (let c = 0; c <= columns; c++) {
    const lng = west + c * communitySize.lng;
    road('main_road', [point(lng, north + margin), point(lng, south - margin)]);
  }
  for (let r = 0; r <= rows; r++) {
    const lat = north - r * communitySize.lat;
    road('main_road', [point(west - margin, lat), point(east + margin, lat)]);
  }
  // A river south of the county and a park in its middle, as landmarks.
  const riverLat = south - margin * 0.6;
  features.push({
    type: 'Feature',
    properties: { kind: 'water' },
    geometry: {
      type: 'LineString',
      coordinates: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
        point(west - margin + (i * (east - west + 2 * margin)) / 8, riverLat + Math.sin(i * 0.9) * margin * 0.15),
      ),
    },
  });
  // Building blocks: in each community, one block per lattice cell's quarter, inset from the minor roads.
  lattices.forEach(([cols, rws], index) => {
    const x0 = west + (index % columns) * communitySize.lng;
    const y0 = origin.lat - Math.floor(index / columns) * communitySize.lat;
    const w = communitySize.lng / cols;
    const h = communitySize.lat / rws;
    for (let i = 0; i < cols; i++)
      for (let j = 0; j < rws; j++) {
        if (i > 0) road('road', [point(x0 + i * w, y0), point(x0 + i * w, y0 + communitySize.lat)]);
        for (const [du, dv] of [
          [0, 0],
          [0.5, 0],
          [0, 0.5],
          [0.5, 0.5],
        ]) {
          const a = x0 + (i + du + 0.08) * w;
          const b = y0 + (j + dv + 0.1) * h;
          const c = x0 + (i + du + 0.42) * w;
          const d = y0 + (j + dv + 0.4) * h;
          features.push({
            type: 'Feature',
            properties: { kind: (index + i + j) % 5 === 0 && du + dv === 0 ? 'park' : 'block' },
            geometry: {
              type: 'Polygon',
              coordinates: [[point(a, b), point(c, b), point(c, d), point(a, d), point(a, b)]],
            },
          });
        }
      }
    for (let j = 1; j < rws; j++) road('road', [point(x0, y0 + j * h), point(x0 + communitySize.lng, y0 + j * h)]);
  });
  return { type: 'FeatureCollection', features };
}

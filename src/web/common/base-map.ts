// The base map under every Leaflet map: the area's roads, building blocks and landmarks, drawn light
// grey in a pane below the grids, from GeoJSON the server sends (no tile server, no internet). With a
// tile server configured the tiles are drawn too, and the vector base stays on top of them, faint.
import L from 'leaflet';
import { getBaseMap } from './api/auth';
import type { BaseMap, PublicConfig } from './api-types';
import { escapeHtml } from './html-text';

type Kind = BaseMap['features'][number]['properties']['kind'];

const styles: Record<Kind, L.PathOptions> = {
  main_road: { color: '#d3d9e0', weight: 7, opacity: 1, lineCap: 'square', fill: false },
  road: { color: '#e1e5ea', weight: 3, opacity: 1, fill: false },
  block: { color: '#d6dbe1', weight: 1, opacity: 1, fillColor: '#e6e9ed', fillOpacity: 1 },
  park: { color: '#cfe3cf', weight: 1, opacity: 1, fillColor: '#e2efe0', fillOpacity: 1 },
  water: { color: '#c4dcef', weight: 9, opacity: 1, lineCap: 'round', fill: false },
};

let loading: Promise<BaseMap> | null = null;

/** The base map, fetched once per page load; an empty one when the server has none or cannot send it. */
export function loadBaseMap(): Promise<BaseMap> {
  loading ??= getBaseMap().catch(() => ({ type: 'FeatureCollection' as const, features: [] }));
  return loading;
}

/**
 * Draws the configured tiles (if any) and the vector base under everything else on the map.
 * Resolves to whether the map has a base of either kind.
 */
export async function drawBase(
  map: L.Map,
  config: Pick<PublicConfig, 'mapTileUrl' | 'mapTileAttribution' | 'mapTileSubdomains'>,
) {
  let gone = false;
  map.once('unload', () => (gone = true));
  if (config.mapTileUrl)
    L.tileLayer(config.mapTileUrl, {
      attribution: escapeHtml(config.mapTileAttribution),
      maxZoom: 19,
      // 天地图 answers on t0…t7, not Leaflet's a, b, c (MAP_TILE_SUBDOMAINS)
      ...(config.mapTileSubdomains.length ? { subdomains: config.mapTileSubdomains } : {}),
    }).addTo(map);
  const base = await loadBaseMap();
  if (gone || !base.features.length) return Boolean(config.mapTileUrl);
  const pane = map.getPane('base') ?? map.createPane('base');
  // Above the tiles (200), below the grids and markers (400+); never catches a click.
  pane.style.zIndex = '250';
  pane.style.pointerEvents = 'none';
  if (config.mapTileUrl) pane.style.opacity = '0.5';
  L.geoJSON(base, {
    pane: 'base',
    interactive: false,
    renderer: L.svg({ pane: 'base' }),
    style: (feature) => styles[(feature?.properties as { kind: Kind } | undefined)?.kind ?? 'block'],
  } as L.GeoJSONOptions).addTo(map);
  return true;
}

// The map of the public reports: one dot per report, coloured by how far along it is. Tooltips are
// elements holding text (never HTML strings). The dots stand on the base map (the area's roads and
// blocks, no internet needed), and on tiles when the server has a tile source; fitted to their extent.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PublicConfig } from '../../../../common/api-types';
import { drawBase } from '../../../../common/base-map';
import { textElement } from '../../../../common/html-text';

export const stageColours = {
  waiting: '#b54708',
  working: '#1f6feb',
  done: '#067647',
  rejected: '#6b7280',
} as const;
export type Stage = keyof typeof stageColours;

export interface MapPoint {
  lat: number;
  lng: number;
  stage: Stage;
  label: string;
}

export function drawReportMap(
  element: HTMLElement,
  points: MapPoint[],
  config: Pick<PublicConfig, 'mapTileUrl' | 'mapTileAttribution' | 'mapTileSubdomains'>,
  onBase?: (drawn: boolean) => void,
): L.Map {
  const map = L.map(element, {
    attributionControl: Boolean(config.mapTileUrl),
    zoomControl: true,
    scrollWheelZoom: false,
  });
  void drawBase(map, config).then((drawn) => onBase?.(drawn));
  const markers = points.map((p) =>
    L.circleMarker([p.lat, p.lng], {
      radius: 9,
      color: '#ffffff',
      weight: 2,
      fillColor: stageColours[p.stage],
      fillOpacity: 1,
      className: `report-marker report-marker--${p.stage}`,
    })
      .bindTooltip(textElement('span', p.label), { direction: 'top', offset: [0, -8] })
      .addTo(map),
  );
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 17 });
  else map.setView([35, 105], 4);
  return map;
}

// The map of the public reports: one dot per report, coloured by how far along it is. Tooltips are
// elements holding text (never HTML strings). Without a configured tile server the dots stand on a
// plain background, fitted to their extent.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { escapeHtml, textElement } from '../../../../common/html-text';

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
  tiles: { url: string; attribution: string },
): L.Map {
  const map = L.map(element, {
    attributionControl: Boolean(tiles.url),
    zoomControl: true,
    scrollWheelZoom: false,
  });
  if (tiles.url) L.tileLayer(tiles.url, { attribution: escapeHtml(tiles.attribution), maxZoom: 19 }).addTo(map);
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

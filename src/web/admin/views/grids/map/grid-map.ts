// The Leaflet side of the grid map, kept apart from the Vue page: draw grids, label them,
// select one, fit the view. No tile layer unless the server is configured with one (offline).
import L from 'leaflet';
import type { Grid } from '../../../../common/api-types';
import { interiorPoint } from '../../../../../shared/geometry';
import { escapeHtml, textElement } from '../../../../common/html-text';
import { gridColor } from './data';

export interface GridMapOptions {
  tileUrl: string;
  tileAttribution: string;
  onSelect: (code: string | null) => void;
}

const baseStyle = (color: string, dedicated: boolean): L.PathOptions => ({
  className: 'grid-polygon',
  color,
  weight: 2,
  opacity: 0.95,
  fillColor: color,
  fillOpacity: 0.32,
  dashArray: dedicated ? '6 4' : undefined,
});

export function createGridMap(element: HTMLElement, options: GridMapOptions) {
  const map = L.map(element, {
    attributionControl: Boolean(options.tileUrl),
    zoomSnap: 0.1,
    zoomDelta: 0.5,
    minZoom: 3,
    maxZoom: 19,
  }).setView([35.5, 104], 4);
  if (options.tileUrl)
    L.tileLayer(options.tileUrl, { attribution: escapeHtml(options.tileAttribution), maxZoom: 19 }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);

  const layer = L.featureGroup().addTo(map);
  const polygons = new Map<string, { polygon: L.Polygon; style: L.PathOptions }>();
  let selected: string | null = null;

  map.on('click', () => options.onSelect(null));

  /** Hides labels that would cover one already shown (the selected grid's label goes first). */
  function declutterLabels() {
    const shown: DOMRect[] = [];
    const order = [...polygons.keys()].sort((a, b) => Number(b === selected) - Number(a === selected));
    for (const code of order) {
      const label = polygons.get(code)!.polygon.getTooltip()?.getElement();
      if (!label) continue;
      label.style.visibility = '';
      const box = label.getBoundingClientRect();
      const covers = shown.some(
        (other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top,
      );
      if (covers) label.style.visibility = 'hidden';
      else shown.push(box);
    }
  }
  map.on('zoomend', () => requestAnimationFrame(declutterLabels));

  function fitAll() {
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [28, 28], animate: false });
    declutterLabels();
  }

  function setGrids(grids: Grid[]) {
    layer.clearLayers();
    polygons.clear();
    selected = null;
    grids.forEach((grid, index) => {
      const style = baseStyle(gridColor(index), grid.gridKind === 'dedicated');
      const rings = grid.boundary.coordinates.map((ring) => ring.map(([lng, lat]) => L.latLng(lat, lng)));
      const polygon = L.polygon(rings, style);
      // An element, not a string: Leaflet sets a string as HTML.
      polygon.bindTooltip(textElement('span', grid.name), {
        permanent: true,
        direction: 'center',
        className: 'grid-label',
        interactive: false,
        opacity: 1,
      });
      polygon.on('click', (event) => {
        L.DomEvent.stopPropagation(event);
        options.onSelect(grid.code);
      });
      polygon.addTo(layer);
      // Leaflet puts the label on the polygon's centroid, which can lie outside a concave grid.
      const [labelLng, labelLat] = interiorPoint(grid.boundary.coordinates);
      polygon.openTooltip(L.latLng(labelLat, labelLng));
      polygon.getElement()?.setAttribute('data-code', grid.code);
      polygons.set(grid.code, { polygon, style });
    });
    fitAll();
  }

  function select(code: string | null) {
    if (selected && polygons.has(selected)) {
      const previous = polygons.get(selected)!;
      previous.polygon.setStyle(previous.style);
      previous.polygon.getElement()?.classList.remove('is-selected');
    }
    selected = code;
    const current = code ? polygons.get(code) : undefined;
    if (current) {
      current.polygon.setStyle({ weight: 4, fillOpacity: 0.55, color: '#1d4ed8' });
      current.polygon.bringToFront();
      current.polygon.getElement()?.classList.add('is-selected');
    }
    declutterLabels();
  }

  function focus(code: string) {
    const found = polygons.get(code);
    if (found) map.fitBounds(found.polygon.getBounds(), { padding: [48, 48], maxZoom: 17 });
  }

  return {
    setGrids,
    select,
    focus,
    fitAll,
    /** After the container changed size: redraw and show all grids again. */
    resize: () => {
      map.invalidateSize();
      fitAll();
    },
    destroy: () => map.remove(),
  };
}

export type GridMap = ReturnType<typeof createGridMap>;

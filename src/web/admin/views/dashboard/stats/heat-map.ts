// The grid heat map: grid polygons filled by a class colour (case volume or satisfaction), a
// hover tooltip with the numbers, a click to open the grid's cases. Over the base map (the area's
// roads and blocks, no internet needed), and tiles if the server has a tile source.
import L from 'leaflet';
import type { Grid, PublicConfig } from '../../../../common/api-types';
import { drawBase } from '../../../../common/base-map';
import { interiorPoint } from '../../../../../shared/geometry';
import { textElement } from '../../../../common/html-text';

export interface HeatCell {
  color: string;
  /** the number written on the grid */
  label: string;
  labelColor: string;
  /** the tooltip's second line */
  detail: string;
}

export interface HeatMapOptions {
  config: Pick<PublicConfig, 'mapTileUrl' | 'mapTileAttribution' | 'mapTileSubdomains'>;
  onSelect: (code: string) => void;
  /** Whether a base map (vector or tiles) is drawn under the grids. */
  onBase?: (drawn: boolean) => void;
}

export function createHeatMap(element: HTMLElement, options: HeatMapOptions) {
  const map = L.map(element, {
    attributionControl: Boolean(options.config.mapTileUrl),
    zoomSnap: 0.1,
    zoomDelta: 0.5,
    minZoom: 3,
    maxZoom: 19,
    scrollWheelZoom: false,
  }).setView([35.5, 104], 4);
  void drawBase(map, options.config).then((drawn) => options.onBase?.(drawn));
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);
  // The page scrolls with the wheel; the map zooms with it only after a click into it.
  map.on('focus click', () => map.scrollWheelZoom.enable());
  map.on('blur mouseout', () => map.scrollWheelZoom.disable());

  const layer = L.featureGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  const polygons = new Map<string, { polygon: L.Polygon; name: string; label: L.Marker }>();

  /** Hides the numbers that would cover one already shown (larger grids first). */
  function declutter() {
    const shown: DOMRect[] = [];
    for (const { label } of polygons.values()) {
      const element = label.getElement()?.firstElementChild as HTMLElement | null | undefined;
      if (!element) continue;
      element.style.visibility = '';
      const box = element.getBoundingClientRect();
      if (shown.some((o) => box.left < o.right && box.right > o.left && box.top < o.bottom && box.bottom > o.top))
        element.style.visibility = 'hidden';
      else shown.push(box);
    }
  }
  map.on('zoomend', () => requestAnimationFrame(declutter));

  function fitAll() {
    const bounds = layer.getBounds();
    // Clear of the zoom buttons (top left) and the scale (bottom right).
    if (bounds.isValid())
      map.fitBounds(bounds, { paddingTopLeft: [52, 16], paddingBottomRight: [16, 36], animate: false });
    declutter();
  }

  function setGrids(grids: Grid[]) {
    layer.clearLayers();
    labels.clearLayers();
    polygons.clear();
    for (const grid of grids) {
      const rings = grid.boundary.coordinates.map((ring) => ring.map(([lng, lat]) => L.latLng(lat, lng)));
      const polygon = L.polygon(rings, {
        className: 'grid-polygon heat-polygon',
        color: '#ffffff',
        weight: 1.5,
        opacity: 1,
        fillColor: '#e5e7eb',
        fillOpacity: 0.9,
      });
      polygon.on('click', (event) => {
        L.DomEvent.stopPropagation(event);
        options.onSelect(grid.code);
      });
      polygon.on('mouseover', () => polygon.setStyle({ weight: 3, color: '#1f2937' }).bringToFront());
      polygon.on('mouseout', () => polygon.setStyle({ weight: 1.5, color: '#ffffff' }));
      polygon.addTo(layer);
      polygon.getElement()?.setAttribute('data-code', grid.code);
      // The number goes on a point inside the grid: the middle of its box can lie outside a concave one.
      const [labelLng, labelLat] = interiorPoint(grid.boundary.coordinates);
      const label = L.marker(L.latLng(labelLat, labelLng), {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'heat-label', html: '<span></span>', iconSize: [0, 0] }),
      }).addTo(labels);
      polygons.set(grid.code, { polygon, name: grid.name, label });
    }
    fitAll();
  }

  /** Colours and tooltips for the grids drawn; a grid missing from `cells` is shown as no data. */
  function paint(cells: Map<string, HeatCell>, fallback: HeatCell) {
    for (const [code, { polygon, name, label }] of polygons) {
      const cell = cells.get(code) ?? fallback;
      polygon.setStyle({ fillColor: cell.color });
      const text = label.getElement()?.firstElementChild as HTMLElement | null | undefined;
      if (text) {
        text.textContent = cell.label;
        text.style.color = cell.labelColor;
      }
      polygon.unbindTooltip();
      const tooltip = document.createElement('div');
      tooltip.append(textElement('strong', name), document.createElement('br'), cell.detail);
      polygon.bindTooltip(tooltip, { sticky: true, direction: 'top', className: 'heat-tooltip', opacity: 1 });
    }
    declutter();
  }

  return {
    setGrids,
    paint,
    fitAll,
    resize: () => {
      map.invalidateSize();
      fitAll();
    },
    destroy: () => map.remove(),
  };
}

export type HeatMap = ReturnType<typeof createHeatMap>;

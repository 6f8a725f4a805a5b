// The Leaflet side of the grid map, kept apart from the Vue page: draw the base map and the grids,
// label them, select one, fit the view. Labels follow the zoom: when grid names would cover each
// other (a county or street on one screen) each community's name stands for its grids; zoomed in,
// every grid's name shows. Labels are elements holding text, never HTML strings.
import L from 'leaflet';
import type { Grid, PublicConfig } from '../../../../common/api-types';
import { interiorPoint } from '../../../../../shared/geometry';
import { drawBase } from '../../../../common/base-map';
import { textElement } from '../../../../common/html-text';
import { gridPalette } from './data';

export interface GridMapOptions {
  config: Pick<PublicConfig, 'mapTileUrl' | 'mapTileAttribution' | 'mapTileSubdomains'>;
  onSelect: (code: string | null) => void;
  /** Whether labels now name communities (zoomed out) rather than grids. */
  onLabelMode?: (mode: LabelMode) => void;
  /** Whether a base map (vector or tiles) is drawn under the grids. */
  onBase?: (drawn: boolean) => void;
}

export type LabelMode = 'grids' | 'communities';

const baseStyle = (color: string, dedicated: boolean): L.PathOptions => ({
  className: 'grid-polygon',
  color,
  weight: 2,
  opacity: 0.95,
  fillColor: color,
  fillOpacity: 0.3,
  dashArray: dedicated ? '6 4' : undefined,
});

/** Room kept around the grids when fitting: clear of the zoom buttons (top left) and the scale (bottom right). */
const fitPadding = { paddingTopLeft: [56, 24] as L.PointTuple, paddingBottomRight: [24, 40] as L.PointTuple };

type Box = Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>;
const overlaps = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** Shows each label unless it would cover one shown before it (in the order given); returns how many were hidden. */
export function declutter(labels: { element: HTMLElement; show: boolean }[]): number {
  const shown: Box[] = [];
  let hidden = 0;
  for (const { element, show } of labels) {
    element.style.visibility = '';
    if (!show) {
      element.style.visibility = 'hidden';
      continue;
    }
    const box = element.getBoundingClientRect();
    if (shown.some((other) => overlaps(box, other))) {
      element.style.visibility = 'hidden';
      hidden++;
    } else shown.push(box);
  }
  return hidden;
}

export function createGridMap(element: HTMLElement, options: GridMapOptions) {
  const map = L.map(element, {
    attributionControl: Boolean(options.config.mapTileUrl),
    zoomSnap: 0.1,
    zoomDelta: 0.5,
    minZoom: 3,
    maxZoom: 19,
  }).setView([35.5, 104], 4);
  void drawBase(map, options.config).then((drawn) => options.onBase?.(drawn));
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);

  const layer = L.featureGroup().addTo(map);
  const communityLabels = L.layerGroup().addTo(map);
  const polygons = new Map<string, { polygon: L.Polygon; style: L.PathOptions; community: string }>();
  const communities = new Map<string, L.Marker>();
  let selected: string | null = null;
  let mode: LabelMode = 'grids';

  map.on('click', () => options.onSelect(null));

  const gridLabel = (code: string) => polygons.get(code)?.polygon.getTooltip()?.getElement();
  const communityLabel = (code: string) =>
    communities.get(code)?.getElement()?.firstElementChild as HTMLElement | null | undefined;

  /**
   * Grid names when they all fit without covering each other, else (several communities on screen)
   * the communities' names, with the selected grid's name first. Whatever still collides is hidden.
   */
  function placeLabels() {
    const gridCodes = [...polygons.keys()].sort((a, b) => Number(b === selected) - Number(a === selected));
    const grids = gridCodes.flatMap((code) => {
      const label = gridLabel(code);
      return label ? [{ code, element: label }] : [];
    });
    const hidden = declutter(grids.map(({ element }) => ({ element, show: true })));
    const next: LabelMode = hidden > 0 && communities.size > 1 ? 'communities' : 'grids';
    if (next === 'communities') {
      declutter([
        ...grids.map(({ code, element }) => ({ element, show: code === selected })),
        ...[...communities.keys()].flatMap((code) => {
          const label = communityLabel(code);
          return label ? [{ element: label, show: true }] : [];
        }),
      ]);
    } else for (const code of communities.keys()) communityLabel(code)?.style.setProperty('visibility', 'hidden');
    if (next !== mode) {
      mode = next;
      options.onLabelMode?.(mode);
    }
  }
  map.on('zoomend moveend', () => requestAnimationFrame(placeLabels));

  function fitAll() {
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { ...fitPadding, animate: false });
    placeLabels();
  }

  function setGrids(grids: Grid[], colours: Map<string, string>) {
    layer.clearLayers();
    communityLabels.clearLayers();
    polygons.clear();
    communities.clear();
    selected = null;
    for (const grid of grids) {
      const style = baseStyle(colours.get(grid.code) ?? gridPalette[0], grid.gridKind === 'dedicated');
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
      polygons.set(grid.code, { polygon, style, community: grid.community.code });
    }
    // One label per community, on the point inside its grids nearest the middle of their extent.
    const byCommunity = new Map<string, Grid[]>();
    for (const grid of grids)
      byCommunity.set(grid.community.code, [...(byCommunity.get(grid.community.code) ?? []), grid]);
    for (const [code, members] of byCommunity) {
      const bounds = L.latLngBounds(
        members.flatMap((g) => polygons.get(g.code)!.polygon.getLatLngs().flat(2) as L.LatLng[]),
      );
      const centre = bounds.getCenter();
      const points = members.map((g) => {
        const [lng, lat] = interiorPoint(g.boundary.coordinates);
        return L.latLng(lat, lng);
      });
      const inside = members.find((g) => polygons.get(g.code)!.polygon.getBounds().contains(centre));
      const at = inside ? centre : points.reduce((a, b) => (a.distanceTo(centre) <= b.distanceTo(centre) ? a : b));
      const label = textElement('span', members[0].community.name);
      const marker = L.marker(at, {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'community-label', html: label, iconSize: [0, 0] }),
      }).addTo(communityLabels);
      label.style.visibility = 'hidden';
      communities.set(code, marker);
    }
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
    placeLabels();
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

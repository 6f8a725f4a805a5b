// Plane geometry on GeoJSON rings ([lng, lat] pairs), shared by the server and the map pages.

/**
 * A point strictly inside a polygon (outer ring first, then holes), for a grid's "centre": where a
 * whistle sends people, where a map writes the grid's number. Neither the mean of the vertices nor
 * the middle of the bounding box will do: both fall outside a concave grid (an L, a U), and a mean
 * over a closed ring counts its first vertex twice. As JTS's InteriorPointArea: cut the polygon with
 * a horizontal line between two vertex heights near its middle (so the line meets no vertex) and
 * take the middle of the widest piece of that line inside the polygon.
 */
export function interiorPoint(rings: readonly (readonly (readonly number[])[])[]): [number, number] {
  const heights = [...new Set(rings.flat().map((p) => p[1]))].sort((a, b) => a - b);
  const middle = (heights[0] + heights[heights.length - 1]) / 2;
  const above = heights.findIndex((h) => h > middle);
  if (above <= 0) return [rings[0][0][0], rings[0][0][1]]; // no area: all vertices at one height
  const y = (heights[above - 1] + heights[above]) / 2;
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[(i + 1) % ring.length]; // closes the ring whether or not it repeats its first vertex
      if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  crossings.sort((a, b) => a - b);
  // Crossings pair up into the pieces of the line inside (even-odd, so holes are left out).
  let best: [number, number] = [crossings[0], crossings[1]];
  for (let i = 2; i + 1 < crossings.length; i += 2) {
    if (crossings[i + 1] - crossings[i] > best[1] - best[0]) best = [crossings[i], crossings[i + 1]];
  }
  return [(best[0] + best[1]) / 2, y];
}

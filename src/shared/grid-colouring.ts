// Colours for the grids on a map such that neighbours (grids touching along an edge or at a corner)
// never share one: greedy colouring over the polygons' adjacency, most-connected grids first.

type Ring = number[][];
export interface ColourablePolygon {
  code: string;
  boundary: { coordinates: Ring[] };
}

const tolerance = 1e-7;

/** Whether point p lies on segment a–b (within the tolerance). */
function onSegment(p: number[], a: number[], b: number[]): boolean {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  if (px < Math.min(ax, bx) - tolerance || px > Math.max(ax, bx) + tolerance) return false;
  if (py < Math.min(ay, by) - tolerance || py > Math.max(ay, by) + tolerance) return false;
  const length = Math.hypot(bx - ax, by - ay);
  if (length < tolerance) return Math.hypot(px - ax, py - ay) <= tolerance;
  return Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / length <= tolerance;
}

function box(polygon: ColourablePolygon) {
  const points = polygon.boundary.coordinates.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

/** Whether a vertex of one polygon lies on the outline of the other (shared edge or corner). */
function touches(a: ColourablePolygon, b: ColourablePolygon): boolean {
  const check = (from: ColourablePolygon, to: ColourablePolygon) =>
    from.boundary.coordinates.some((ring) =>
      ring.some((p) =>
        to.boundary.coordinates.some((other) => other.some((q, i) => i > 0 && onSegment(p, other[i - 1], q))),
      ),
    );
  return check(a, b) || check(b, a);
}

/** Each polygon's neighbours, by index. */
export function adjacency(polygons: ColourablePolygon[]): Set<number>[] {
  const boxes = polygons.map(box);
  const neighbours = polygons.map(() => new Set<number>());
  for (let i = 0; i < polygons.length; i++)
    for (let j = i + 1; j < polygons.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const apart =
        a.maxX < b.minX - tolerance ||
        b.maxX < a.minX - tolerance ||
        a.maxY < b.minY - tolerance ||
        b.maxY < a.minY - tolerance;
      if (!apart && touches(polygons[i], polygons[j])) {
        neighbours[i].add(j);
        neighbours[j].add(i);
      }
    }
  return neighbours;
}

/**
 * A colour index (0 … paletteSize−1) per polygon code, neighbours differing. Falls back to reusing
 * the least-used neighbour colour only if a polygon has paletteSize or more differently coloured
 * neighbours (never with the demo's grids, and rarely with real ones: maps need four colours).
 */
export function colourIndexes(polygons: ColourablePolygon[], paletteSize: number): Map<string, number> {
  const neighbours = adjacency(polygons);
  const order = polygons
    .map((_, index) => index)
    .sort((a, b) => neighbours[b].size - neighbours[a].size || polygons[a].code.localeCompare(polygons[b].code));
  const colour = new Array<number>(polygons.length).fill(-1);
  const used = new Array<number>(paletteSize).fill(0);
  for (const index of order) {
    const taken = new Set([...neighbours[index]].map((n) => colour[n]));
    const free = [...Array(paletteSize).keys()].filter((c) => !taken.has(c));
    // Among the free colours, the one used least so far: the map stays varied, not mostly colour 0.
    const pool = free.length ? free : [...Array(paletteSize).keys()];
    const pick = pool.reduce((best, c) => (used[c] < used[best] ? c : best), pool[0]);
    colour[index] = pick;
    used[pick]++;
  }
  return new Map(polygons.map((polygon, index) => [polygon.code, colour[index]]));
}

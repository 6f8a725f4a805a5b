import Flatbush from 'flatbush';
import type { Db } from '../../platform/db/database.js';
import type { GeoJsonPolygon } from '../../platform/db/schema.js';
import { containsPoint } from './geometry.js';
import * as repo from './repository.js';

export interface LocatedGrid {
  grid: { code: string; name: string };
  community: { code: string; name: string };
  street: { code: string; name: string };
  path: string;
}

interface IndexedGrid extends LocatedGrid {
  boundary: GeoJsonPolygon;
  box: readonly [number, number, number, number];
}

// Point → grid through an in-memory R-tree of the grids' bounding boxes, then an exact
// point-in-polygon test on the few candidates. The database stays the truth: a version
// counter, bumped in the transaction that changes grids, tells every process to reload.
export class GridLocator {
  private index: Flatbush | null = null;
  private grids: IndexedGrid[] = [];
  private version = -1;
  private checkedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly recheckMs = 1000,
  ) {}

  /** Forces a reload on the next lookup (this process changed the grids). */
  invalidate(): void {
    this.version = -1;
    this.checkedAt = 0;
  }

  private async ensureFresh(): Promise<void> {
    const now = Date.now();
    if (this.version >= 0 && now - this.checkedAt < this.recheckMs) return;
    this.checkedAt = now;
    const current = await repo.gridsVersion(this.db);
    if (current === this.version) return;
    const rows = await repo.listActiveGridsForIndex(this.db);
    const grids = rows.map((r) => ({
      grid: { code: r.code, name: r.name },
      community: { code: r.community_code, name: r.community_name },
      street: { code: r.street_code, name: r.street_name },
      path: r.path,
      boundary: r.boundary,
      box: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] as const,
    }));
    let index: Flatbush | null = null;
    if (grids.length > 0) {
      index = new Flatbush(grids.length);
      for (const g of grids) index.add(...g.box);
      index.finish();
    }
    this.grids = grids;
    this.index = index;
    this.version = current;
  }

  async locate(lng: number, lat: number): Promise<LocatedGrid | null> {
    await this.ensureFresh();
    if (!this.index) return null;
    for (const i of this.index.search(lng, lat, lng, lat)) {
      const candidate = this.grids[i];
      if (containsPoint(candidate.boundary, lng, lat)) {
        return { grid: candidate.grid, community: candidate.community, street: candidate.street, path: candidate.path };
      }
    }
    return null;
  }
}

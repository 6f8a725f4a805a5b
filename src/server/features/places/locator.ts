import type { Db } from '../../platform/db/database.js';
import type { GeoJsonPolygon } from '../../platform/db/schema.js';
import { CellIndex } from './cell-index.js';
import { PreparedPolygon } from './geometry.js';
import * as repo from './repository.js';
import { forEveryCounty } from '../../platform/db/tenant-guard.js';

export interface LocatedGrid {
  grid: { code: string; name: string };
  community: { code: string; name: string };
  street: { code: string; name: string };
  path: string;
}

interface IndexedGrid {
  located: LocatedGrid;
  shape: PreparedPolygon;
}

// Point → grid through an in-memory index of the grids' bounding boxes (a uniform cell grid), then
// an exact point-in-polygon test on the few candidates, their edges prepared once per load. The database stays the truth: a version
// counter, bumped in the transaction that changes grids, tells every process to reload.
export class GridLocator {
  private index: CellIndex | null = null;
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
    const grids: IndexedGrid[] = rows.map((r) => ({
      located: {
        grid: { code: r.code, name: r.name },
        community: { code: r.community_code, name: r.community_name },
        street: { code: r.street_code, name: r.street_name },
        path: r.path,
      },
      shape: new PreparedPolygon(r.boundary as GeoJsonPolygon),
    }));
    const index = grids.length > 0 ? new CellIndex(grids.map((g) => g.shape)) : null;
    this.grids = grids;
    this.index = index;
    this.version = current;
  }

  async locate(lng: number, lat: number): Promise<LocatedGrid | null> {
    // Within the recheck interval no await at all: a lookup is a few microseconds of arithmetic. The
    // index serves every county: loaded outside the county's guard of the request that finds it stale.
    if (this.version < 0 || Date.now() - this.checkedAt >= this.recheckMs)
      await forEveryCounty(() => this.ensureFresh());
    return this.find(lng, lat);
  }

  private find(lng: number, lat: number): LocatedGrid | null {
    const i = this.index ? this.index.first(lng, lat) : -1;
    return i < 0 ? null : { ...this.grids[i].located };
  }
}

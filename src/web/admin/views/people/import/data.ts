import { listPlaces } from '../../../../common/api/places';
import type { ImportReport, PlaceSummary } from '../../../../common/api-types';

export interface CommunityOption {
  code: string;
  name: string;
  /** the street (or other parent) it belongs to, for grouping */
  group: string;
}

const aboveCommunity = new Set(['province', 'city', 'county', 'street']);

/** The communities in the user's scope (an import goes into one community), walking down from the roots. */
export async function listCommunities(): Promise<CommunityOption[]> {
  const found: CommunityOption[] = [];
  async function walk(places: PlaceSummary[], group: string, depth: number) {
    for (const place of places) {
      if (place.kind === 'community') found.push({ code: place.code, name: place.name, group });
      else if (aboveCommunity.has(place.kind) && place.hasChildren && depth < 4)
        await walk((await listPlaces(place.code)).items, place.name, depth + 1);
    }
  }
  await walk((await listPlaces()).items, '', 0);
  return found;
}

/** The community a place code lies in (community codes are 12 digits; everything below starts with them). */
export const communityOfCode = (code: string | null) => (code && /^\d{12}/.test(code) ? code.slice(0, 12) : '');

/** The sheet's columns, in the template's order (the server names them by these keys). */
export const sheetColumns = [
  'name',
  'idNumber',
  'phone',
  'building',
  'unit',
  'room',
  'relation',
  'residence',
  'tags',
  'notes',
] as const;

export const maxFileMb = 20;

export const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

export const badRowCount = (report: ImportReport) => new Set(report.errors.map((e) => e.row)).size;

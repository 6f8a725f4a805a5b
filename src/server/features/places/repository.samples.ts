import type { GeoJsonPolygon } from '../../platform/db/schema.js';
import type { SqlSamples } from '../../platform/db/sql-samples.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './repository.js';

// One sample call per query function, compiled to src/server/queries/places.sql (see platform/db/sql-samples.ts).

const now = new Date('2026-12-06T08:00:00Z');
const communityId = '0193a0c2-7a51-7c3e-8f00-3a2b3c4d5e6f';
const gridId = '0193a0c2-7a51-7c3e-8f00-8a2b3c4d5e6f';
const spotId = '0193a0c2-7a51-7c3e-8f00-da2b3c4d5e6f';
const communityPath = '/61/6108/610899/610899001/610899001001/';
const gridPath = `${communityPath}610899001001003/`;
// A street worker of 610899001: one membership.
const scope: Scope = {
  paths: ['/61/6108/610899/610899001/'],
  departmentIds: [],
  userId: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
  all: false,
};
const boundary: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [109.7, 38.28],
      [109.71, 38.28],
      [109.71, 38.29],
      [109.7, 38.29],
      [109.7, 38.28],
    ],
  ],
};
const grid = {
  id: gridId,
  tenant_id: '610899',
  code: '610899001001003',
  name: '第三网格',
  kind: 'grid' as const,
  parent_id: communityId,
  path: gridPath,
  status: 'active' as const,
  created_at: now,
  updated_at: now,
  retired_at: null,
};

export const samples: SqlSamples<typeof repo> = {
  findByCode: (db) => repo.findByCode(db, '610899001001'),
  findByCodes: (db) => repo.findByCodes(db, ['610899001001-3', '610899001001-3-1', '610899001001-3-1-502']),
  lockByCode: (db) => repo.lockByCode(db, '610899001001003'),
  listChildren: (db) => repo.listChildren(db, communityId, scope, scope, false),
  listByIds: (db) => repo.listByIds(db, [communityId]),
  ancestorsOf: (db) => repo.ancestorsOf(db, gridPath),
  countDescendants: (db) => repo.countDescendants(db, communityPath),
  insertPlace: (db) => repo.insertPlace(db, grid),
  updatePlaceName: (db) => repo.updatePlaceName(db, gridId, '第三网格（幸福里）', now),
  nextSerialCode: (db) => repo.nextSerialCode(db, communityId, '610899001001', 3),
  listGridsUnder: (db) => repo.listGridsUnder(db, communityPath, scope, false),
  findGrid: (db) => repo.findGrid(db, gridId),
  insertGrid: (db) =>
    repo.insertGrid(db, {
      placeId: gridId,
      tenantId: '610899',
      gridKind: 'comprehensive',
      dedicatedFor: null,
      boundary,
      box: { minLng: 109.7, minLat: 38.28, maxLng: 109.71, maxLat: 38.29 },
    }),
  gridWorkers: (db) => repo.gridWorkers(db, [gridId]),
  listActiveGridsForIndex: (db) => repo.listActiveGridsForIndex(db),
  gridsVersion: (db) => repo.gridsVersion(db),
  bumpGridsVersion: (db) => repo.bumpGridsVersion(db),
  moveSubtree: (db) =>
    repo.moveSubtree(
      db,
      { id: '0193a0c2-7a51-7c3e-8f00-9a2b3c4d5e6f', path: `${gridPath}610899001001-3/` },
      { id: '0193a0c2-7a51-7c3e-8f00-aa2b3c4d5e6f', path: `${communityPath}610899001001005/` },
      '610899001001-3',
      now,
    ),
  buildingsOfGrid: (db) => repo.buildingsOfGrid(db, gridId),
  childrenOf: (db) => repo.childrenOf(db, gridId),
  retirePlace: (db) => repo.retirePlace(db, gridId, now),
  moveGridWorkers: (db) => repo.moveGridWorkers(db, [gridId], '0193a0c2-7a51-7c3e-8f00-aa2b3c4d5e6f'),
  dropDuplicateMemberships: (db) => repo.dropDuplicateMemberships(db, '0193a0c2-7a51-7c3e-8f00-aa2b3c4d5e6f'),
  insertGridChange: (db) =>
    repo.insertGridChange(db, {
      id: '0193a0c2-7a51-7c3e-8f00-ba2b3c4d5e6f',
      tenantId: '610899',
      kind: 'merge',
      from: ['610899001001003', '610899001001004'],
      to: ['610899001001005'],
      reason: '两个网格户数过少，合并管理',
      actorId: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
      at: now,
      carried: {
        partyOrgs: [{ id: '0193a0c2-7a51-7c3e-8f00-ca2b3c4d5e6f', name: '第三网格党支部', to: '610899001001005' }],
        memberships: [
          {
            userId: '0193a0c2-7a51-7c3e-8f00-1a2b3c4d5e6f',
            name: '李网格',
            role: 'grid_worker',
            to: '610899001001005',
          },
        ],
      },
    }),
  listGridChanges: (db) => repo.listGridChanges(db, '610899', '610899001001'),
  insertBuilding: (db) =>
    repo.insertBuilding(db, {
      placeId: '0193a0c2-7a51-7c3e-8f00-9a2b3c4d5e6f',
      tenantId: '610899',
      lng: 109.705,
      lat: 38.285,
      floors: 6,
      address: '幸福里小区 3 号楼',
    }),
  insertHousehold: (db) =>
    repo.insertHousehold(db, {
      placeId: '0193a0c2-7a51-7c3e-8f00-ca2b3c4d5e6f',
      tenantId: '610899',
      address: '幸福里小区 3 号楼 1 单元 502',
      room: '502',
      floor: 5,
    }),
  findBuilding: (db) => repo.findBuilding(db, '0193a0c2-7a51-7c3e-8f00-9a2b3c4d5e6f'),
  findHousehold: (db) => repo.findHousehold(db, '0193a0c2-7a51-7c3e-8f00-ca2b3c4d5e6f'),
  listHouseholdsUnder: (db) => repo.listHouseholdsUnder(db, gridPath, scope, { offset: 0, limit: 20, q: '502' }),
  listDepartments: (db) => repo.listDepartments(db, ['610899']),
  listRegionPlaces: (db) => repo.listRegionPlaces(db),
  insertPlaces: (db) => repo.insertPlaces(db, [grid]),
  insertSpot: (db) =>
    repo.insertSpot(db, {
      placeId: spotId,
      tenantId: '610899',
      spotKind: 'park',
      lng: 109.706,
      lat: 38.286,
      address: '幸福路与育才路交叉口',
    }),
  updateSpot: (db) =>
    repo.updateSpot(db, spotId, { spotKind: 'market', lng: 109.707, lat: 38.286, address: '幸福路 12 号' }),
  findSpot: (db) => repo.findSpot(db, spotId),
  listSpotsUnder: (db) => repo.listSpotsUnder(db, communityPath, scope),
  spotsOfGrid: (db) => repo.spotsOfGrid(db, gridId),
  spotCodesOf: (db) => repo.spotCodesOf(db, '610899001001'),
  posterPlacesUnder: (db) => repo.posterPlacesUnder(db, communityPath, ['building', 'unit', 'spot'], scope, 1001),
  placeLabels: (db) => repo.placeLabels(db, ['610899001', '610899001001', '610899001001-3', '610899001001-3-1']),
  qrCodesOf: (db) => repo.qrCodesOf(db, [spotId]),
  insertQrCodes: (db) =>
    repo.insertQrCodes(db, [{ token: 'k7m3xq9d2hfa', placeId: spotId, tenantId: '610899', createdAt: now }]),
  placeOfQrToken: (db) => repo.placeOfQrToken(db, 'k7m3xq9d2hfa'),
  pointOfPlace: (db) => repo.pointOfPlace(db, spotId),
  updatePlacePhone: (db) => repo.updatePlacePhone(db, communityId, '0912-4567890', now),
};

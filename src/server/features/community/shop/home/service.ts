import { recordAudit } from '../../../../platform/audit.js';
import type { Clock } from '../../../../platform/clock.js';
import { homeCommunityOf, registryResidentsOf } from '../../../../platform/community/person.js';
import type { Db } from '../../../../platform/db/database.js';
import { AppError, invalid } from '../../../../platform/errors.js';
import type { PiiCipher } from '../../../../platform/pii.js';
import type { Actor } from '../../../../platform/policy.js';
import type { createPublicCaseService } from '../../../cases/index.js';
import * as repo from './repository.js';
import type { ReportFieldsT } from './schemas.js';

// The resident's hub: 我的社区 (chosen from the county's communities by name, else where the registry
// or a membership puts them) and 随手拍 — a logged-in resident's report, filed through the same
// public intake as the QR form (limits, photo checks, idempotency) in their home community, with the
// account's own phone, so it shows in 我的反映.

type PublicCaseService = ReturnType<typeof createPublicCaseService>;

export interface HomeDeps {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
}

export function createHomeService(deps: HomeDeps, publicCases: PublicCaseService) {
  const { db, clock } = deps;

  async function home(actor: Actor) {
    if (!actor.userId) throw new AppError('AUTH_REQUIRED');
    const [found, user, options] = await Promise.all([
      homeCommunityOf(db, actor),
      repo.userHome(db, actor.userId),
      repo.communities(db),
    ]);
    return {
      community: found ? { id: found.id, name: found.name } : null,
      chosen: user?.home_community_id != null && user.home_community_id === found?.id,
      options: options.map((o) => ({ id: o.id, name: o.name, street: o.street })),
    };
  }

  async function setHome(actor: Actor, communityId: string) {
    if (!actor.userId) throw new AppError('AUTH_REQUIRED');
    const community = await repo.activeCommunity(db, communityId);
    if (!community) throw invalid('communityId', 'noSuchPlace');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await repo.userHome(trx, actor.userId!);
      await repo.setUserHome(trx, actor.userId!, community.id);
      await recordAudit(
        trx,
        actor,
        {
          action: 'community.home',
          entityType: 'user',
          entityId: actor.userId,
          tenantId: community.tenant_id,
          before: { communityId: before?.home_community_id ?? null },
          after: { communityId: community.id },
        },
        now,
      );
    });
    return home(actor);
  }

  async function report(
    actor: Actor,
    fields: ReportFieldsT,
    photos: Buffer[],
    meta: { ip: string | null; idempotencyKey?: string },
  ) {
    if (!actor.userId) throw new AppError('AUTH_REQUIRED');
    const community = await homeCommunityOf(db, actor);
    if (!community) throw new AppError('HOME_COMMUNITY_REQUIRED');
    const user = await repo.userHome(db, actor.userId);
    // The phone proven by an SMS login: 我的反映 finds the report by it (an unproven contact phone would not).
    if (!user?.phone_enc || !user.phone_hash) throw new AppError('SHOP_REPORT_PHONE_REQUIRED');
    const [registered] = await registryResidentsOf(db, actor.userId);
    const code = community.path.split('/').filter(Boolean).at(-1)!;
    const result = await publicCases.submit({
      fields: {
        communityCode: code,
        categoryCode: fields.categoryCode,
        description: fields.description,
        reporterName: registered?.name ?? user.display_name,
        reporterPhone: deps.pii.decrypt(user.phone_enc),
        lng: fields.lng,
        lat: fields.lat,
        address: fields.address,
        isPublic: fields.isPublic,
      },
      photos,
      ip: meta.ip,
      idempotencyKey: meta.idempotencyKey,
    });
    return { ...result, communityName: community.name };
  }

  return { home, setHome, report };
}

export type HomeService = ReturnType<typeof createHomeService>;

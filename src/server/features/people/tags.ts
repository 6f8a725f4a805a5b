import { recordAudit, type Executor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { codeFromLabel } from '../../platform/list-codes.js';
import type { Actor } from '../../platform/policy.js';
import type { PeopleDeps } from './deps.js';
import { assertMayConfigureTags, maySeeSensitiveTags } from './policy.js';
import * as repo from './repository.js';
import type { TagInputT, TagUpdateT } from './schemas.js';

// The county's resident tags (独居老人, 低保户, 社区矫正对象 …): a list an administrator keeps in the
// console. A tag is never deleted, only retired (active = false): residents keep it, nobody can give it
// anew. Sensitive tags are left out of everything shown to whoever lacks people:sensitive there.

export type TagRow = Awaited<ReturnType<typeof repo.listTags>>[number];

/** The codes this actor may not see at this path (none when they may). */
export function hiddenTagCodes(all: TagRow[], actor: Actor, path?: string): Set<string> {
  return maySeeSensitiveTags(actor, path) ? new Set() : new Set(all.filter((t) => t.sensitive).map((t) => t.code));
}

export const withoutHidden = (tags: string[], hidden: Set<string>) =>
  hidden.size ? tags.filter((t) => !hidden.has(t)) : tags;

const present = (t: TagRow, locale: Locale) => ({
  code: t.code,
  label: locale === 'en' ? t.label_en || t.label_zh : t.label_zh,
  labelZh: t.label_zh,
  labelEn: t.label_en,
  needsVisit: t.needs_visit,
  tone: t.tone,
  sensitive: t.sensitive,
  hardship: t.hardship,
  active: t.active,
  sort: t.sort,
});

/** The tags this actor may see, retired ones too (marked), in the county's order. */
export async function visibleTags(db: Executor, actor: Actor, locale: Locale) {
  const all = await repo.listTags(db);
  const hidden = hiddenTagCodes(all, actor);
  return all.filter((t) => !hidden.has(t.code)).map((t) => present(t, locale));
}

/**
 * The tags a resident at `path` ends up with when `requested` is asked for: each must exist, be active
 * (or already held) and be visible to the actor; the sensitive tags the actor cannot see are kept as
 * they were, so an edit by a grid worker never drops a 社区矫正 tag they were not shown.
 */
export async function settleTags(db: Executor, actor: Actor, path: string, requested: string[], held: string[] = []) {
  const all = new Map((await repo.listTags(db)).map((t) => [t.code, t]));
  const hidden = hiddenTagCodes([...all.values()], actor, path);
  const unknown = requested.filter((code) => {
    const tag = all.get(code);
    return !tag || hidden.has(code) || (!tag.active && !held.includes(code));
  });
  if (unknown.length) throw new AppError('RESIDENT_TAG_UNKNOWN', { tags: unknown });
  return [...new Set([...requested, ...held.filter((t) => hidden.has(t))])];
}

function assertFree(all: TagRow[], code: string | null, labelZh: string | undefined) {
  if (all.some((t) => t.code !== code && labelZh !== undefined && t.label_zh === labelZh))
    throw new AppError('LIST_ENTRY_TAKEN', { labelZh });
}

export async function createTag({ db, clock }: PeopleDeps, actor: Actor, input: TagInputT) {
  assertMayConfigureTags(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const all = await repo.listTags(trx);
    if (input.code && all.some((t) => t.code === input.code))
      throw new AppError('LIST_ENTRY_TAKEN', { code: input.code });
    assertFree(all, null, input.labelZh);
    const code = codeFromLabel(input.labelZh, input.code, new Set(all.map((t) => t.code)));
    const row = {
      code,
      label_zh: input.labelZh,
      label_en: input.labelEn,
      needs_visit: input.needsVisit,
      tone: input.tone,
      sensitive: input.sensitive,
      hardship: input.hardship,
      sort: input.sort ?? Math.max(0, ...all.map((t) => t.sort)) + 10,
      active: true,
      updated_at: now,
    };
    await repo.insertTag(trx, row);
    await recordAudit(
      trx,
      actor,
      { action: 'residentTag.create', entityType: 'residentTag', entityId: code, tenantId: actor.tenantId, after: row },
      now,
    );
    return { code };
  });
}

export async function updateTag({ db, clock }: PeopleDeps, actor: Actor, code: string, input: TagUpdateT) {
  assertMayConfigureTags(actor);
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const current = await repo.lockTag(trx, code);
    if (!current) throw new AppError('NOT_FOUND', { code });
    assertFree(await repo.listTags(trx), code, input.labelZh);
    const changes = {
      ...(input.labelZh !== undefined && { label_zh: input.labelZh }),
      ...(input.labelEn !== undefined && { label_en: input.labelEn }),
      ...(input.needsVisit !== undefined && { needs_visit: input.needsVisit }),
      ...(input.tone !== undefined && { tone: input.tone }),
      ...(input.sensitive !== undefined && { sensitive: input.sensitive }),
      ...(input.hardship !== undefined && { hardship: input.hardship }),
      ...(input.sort !== undefined && { sort: input.sort }),
      ...(input.active !== undefined && { active: input.active }),
      updated_at: now,
    };
    await repo.updateTag(trx, code, changes);
    await recordAudit(
      trx,
      actor,
      {
        action: 'residentTag.update',
        entityType: 'residentTag',
        entityId: code,
        tenantId: actor.tenantId,
        before: current,
        after: { ...current, ...changes },
      },
      now,
    );
    return { code };
  });
}

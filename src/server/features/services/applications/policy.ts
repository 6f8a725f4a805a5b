import type { ServiceApplicationPartsTable, ServiceApplicationsTable } from '../../../platform/db/schema-services.js';
import type { Selectable } from 'kysely';
import { AppError } from '../../../platform/errors.js';
import { can, departmentsWith, placeScopePaths, type Actor } from '../../../platform/policy.js';
import { isUnder, scopeOf, type Scope } from '../../../platform/scope.js';
import type { ApplicationParty, PartParty } from './lifecycle.js';
import type { PartListFilter } from './repository.js';

// Who may do what with an application (办件). The window (services:window over the application's
// place) pre-checks, accepts and hands out; each part is reviewed by its handler: the members of its
// department, or services:review over its community or street; the applicant is the resident's own
// phone account. A department is no party to the other parts of a bundle: it reads their names and
// states, never their answers or materials. Everyone else is told the application does not exist.

type Application = Pick<Selectable<ServiceApplicationsTable>, 'place_path' | 'applicant_user_id'>;
type Part = Pick<Selectable<ServiceApplicationPartsTable>, 'department_id' | 'handler_path'>;

export const isApplicant = (actor: Actor, a: Application): boolean =>
  actor.userId !== null && a.applicant_user_id === actor.userId;

export const isClerk = (actor: Actor, a: Application): boolean => can(actor, 'services:window', a.place_path);

/** The part's department is one of the actor's, or its community or street lies in their review scope. */
export function reviewsPart(actor: Actor, p: Part): boolean {
  if (actor.kind === 'system') return true;
  if (p.department_id) return departmentsWith(actor, 'services:review').includes(p.department_id);
  const handlerPath = p.handler_path;
  return handlerPath !== null && placeScopePaths(actor, 'services:review').some((s) => isUnder(handlerPath, s));
}

export function applicationPartiesOf(actor: Actor, a: Application): ApplicationParty[] {
  const parties: ApplicationParty[] = [];
  if (isApplicant(actor, a)) parties.push('applicant');
  if (isClerk(actor, a)) parties.push('clerk');
  return parties;
}

export const partPartiesOf = (actor: Actor, p: Part): PartParty[] => (reviewsPart(actor, p) ? ['reviewer'] : []);

/** How much of an application the actor reads: all of it, or only the parts they review. */
export type Reading = { whole: true } | { whole: false; partIds: string[] };

export function readingOf(actor: Actor, a: Application, parts: readonly (Part & { id: string })[]): Reading {
  if (isApplicant(actor, a) || isClerk(actor, a)) return { whole: true };
  const own = parts.filter((p) => reviewsPart(actor, p)).map((p) => p.id);
  if (own.length === 0) throw new AppError('NOT_FOUND');
  return { whole: false, partIds: own };
}

/** The window's queue: applications under the actor's places (every membership holding services:window). */
export function queueScope(actor: Actor): Scope {
  if (!can(actor, 'services:window')) throw new AppError('FORBIDDEN', { permission: 'services:window' });
  return scopeOf(actor, 'services:window');
}

/** The review queue: the actor's departments and the places they review (place memberships only). */
export function reviewFilterOf(actor: Actor): Pick<PartListFilter, 'departmentIds' | 'placePaths'> {
  if (!can(actor, 'services:review')) throw new AppError('FORBIDDEN', { permission: 'services:review' });
  return {
    departmentIds: departmentsWith(actor, 'services:review'),
    placePaths: placeScopePaths(actor, 'services:review'),
  };
}

/** Staff who may enter an application for a resident at this place (代办); adviser entries need services:assist. */
export const mayEnterFor = (actor: Actor, placePath: string, source: 'window' | 'adviser'): boolean =>
  can(actor, source === 'adviser' ? 'services:assist' : 'services:window', placePath);

/**
 * 查看完整信息: the full ID numbers and phones of an application's answers, for those who read it
 * and hold people:reveal over its place (the registry's permission for the same act: community
 * workers, street officers, administrators). Department reviewers read them masked.
 */
export const mayRevealAnswers = (actor: Actor, a: Application): boolean => can(actor, 'people:reveal', a.place_path);

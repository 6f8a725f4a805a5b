import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDutyItems } from '../../src/server/demo/duties.js';
import { createAccountService } from '../../src/server/features/account/service.js';
import { writeDutySheet } from '../../src/server/features/duties/excel.js';
import { newId } from '../../src/server/platform/ids.js';
import { idNumberCheckChar as idCheck } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import {
  addMembership,
  buildBuilding,
  buildGrid,
  buildPlace,
  givePhone,
  putOnDuty,
  square,
  TEST_PASSWORD,
  userIdOf,
  type BuiltPlace,
} from '../support/factories.js';
import { buildRoom } from '../support/community-rooms.js';
import { residentIn } from '../support/community-stewards.js';
import { buildActivity } from '../support/community-volunteers.js';
import { multipart, pdfText, readXlsx, tinyPng } from '../support/files.js';
import { buildServiceBundle, buildServiceCategory, buildServiceItem } from '../support/services.js';

// Scope, attacked from every list. Three communities of one county: A in street 甲, B and C in
// street 乙. Each gets a case, a photo, SMS, a whistle, a dispute, a resident with a household, a
// visit, a legal question, a duty task, party and civic rolls, a monthly report — made through the
// real API by its own staff. Then the staff of B (each role, and users with two memberships) call
// every GET operation of the OpenAPI document: none of A's rows may appear, and the lists show the
// caller's own communities, all of them.

let ctx: TestContext;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Fixture {
  tag: string;
  street: string;
  streetName: string;
  community: string;
  communityName: string;
  grid: string;
  gridPoint: [number, number];
  householdCode: string;
  spareHousehold: string;
  unitCode: string;
  dept: { id: string; code: string; name: string };
  users: Record<
    'worker' | 'grid' | 'adviser' | 'receiver',
    { id: string; username: string; name: string; phone: string }
  >;
  caseId: string;
  caseCode: string;
  reporterName: string;
  reporterPhone: string;
  photoId: string;
  whistleId: string;
  whistleSubject: string;
  disputeId: string;
  disputeCode: string;
  partyName: string;
  residentId: string;
  residentName: string;
  residentPhone: string;
  visitId: string;
  visitContent: string;
  questionId: string;
  question: string;
  taskTitle: string;
  streetOrgId: string;
  partyOrgId: string;
  partyOrgName: string;
  workUnit: string;
  orgName: string;
  reportId: string;
  listId: string;
  listTitle: string;
  teamId: string;
  teamName: string;
  /** 办件 (issue 15): a bundle of a community item and the community's department's item. */
  applicationId: string;
  applicationCode: string;
  applicantName: string;
  assistTeamId: string;
  assistTeamName: string;
  assistNote: string;
  hallId: string;
  hallName: string;
  /** 社区生活 (issue 16): one record of each area, made by the community's worker. */
  buildingCode: string;
  activityId: string;
  activityTitle: string;
  postTitle: string;
  wishId: string;
  wishPhotoId: string;
  wishContent: string;
  actionId: string;
  actionTitle: string;
  goodsId: string;
  goodsName: string;
  roomId: string;
  roomName: string;
  coUnitId: string;
  coUnitName: string;
  entryId: string;
  entryTitle: string;
  nominationId: string;
  termId: string;
  /** a resident who served at one of the community's activities (a volunteer certificate) */
  volunteerUserId: string;
  actionPhotoId: string;
  voteId: string;
  voteTitle: string;
  canteenId: string;
  canteenName: string;
  /** 议题 (issue 17): a topic the community's worker raised */
  topicId: string;
  topicTitle: string;
  supervisionId: string;
  supervisionTitle: string;
  /** 文明户评选 (issue 17): a campaign of the community, with one household nominated by staff. */
  honourCampaignId: string;
  honourTitle: string;
  /** 表决 (issue 17): an open stand-alone vote over the community. */
  deliberationVoteId: string;
  deliberationVoteTitle: string;
  /** 议事会议 (issue 17): a meeting held in the community's hall whose one item was handed up to the street. */
  meetingId: string;
  meetingTitle: string;
  handUpItemId: string;
  handUpTopicId: string;
  handUpTopicTitle: string;
}

/** Distinct numbers, down to the last four digits that masked lists keep: community n, person k. */
const phoneOf = (n: number, k: number) => `13${k}0000${k}${n}${k}${n}`;
const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
/** Everything of A that another community's staff must never read. */
function secretsOf(a: Fixture): string[] {
  const phones = [a.reporterPhone, a.residentPhone, ...Object.values(a.users).map((u) => u.phone)];
  return [
    a.tag,
    a.community,
    a.communityName,
    a.streetName,
    a.dept.code,
    a.dept.name,
    a.caseId,
    a.caseCode,
    a.photoId,
    a.whistleId,
    a.disputeId,
    a.disputeCode,
    a.residentId,
    a.visitId,
    a.questionId,
    a.streetOrgId,
    a.partyOrgId,
    a.reportId,
    a.listId,
    a.listTitle,
    a.teamId,
    a.teamName,
    a.applicationId,
    a.applicationCode,
    a.applicantName,
    a.assistTeamId,
    a.assistTeamName,
    a.assistNote,
    a.hallId,
    a.activityId,
    a.activityTitle,
    a.postTitle,
    a.wishId,
    a.wishPhotoId,
    a.wishContent,
    a.actionId,
    a.actionTitle,
    a.goodsId,
    a.goodsName,
    a.roomId,
    a.roomName,
    a.coUnitId,
    a.coUnitName,
    a.entryId,
    a.entryTitle,
    a.nominationId,
    a.termId,
    a.actionPhotoId,
    a.voteId,
    a.topicId,
    a.topicTitle,
    a.voteTitle,
    a.canteenId,
    a.canteenName,
    a.supervisionId,
    a.deliberationVoteId,
    a.meetingId,
    a.handUpItemId,
    a.handUpTopicId,
    a.supervisionTitle,
    ...Object.values(a.users).map((u) => u.id),
    ...phones,
    ...phones.map(mask),
  ];
}

async function staff(username: string, role: string, scope: string, name: string, phone?: string) {
  const { id } = await createAccountService(ctx.deps).createUser({
    username,
    password: TEST_PASSWORD,
    role,
    scope,
    displayName: name,
  });
  if (phone) await givePhone(ctx.deps, username, phone);
  return { id, username, name, phone: phone ?? '' };
}

const ok = <T extends { status: number; body: any }>(res: T, status = [200, 201]): T => {
  if (!status.includes(res.status))
    throw new Error(`fixture request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

/** One community and everything in it, made by its own staff through the API. */
async function buildCommunity(
  n: number,
  tag: string,
  street: BuiltPlace & { name: string; listId: string; listTitle: string; orgId: string },
  serial: string,
  label: string,
): Promise<Fixture> {
  const { deps } = ctx;
  const communityName = `${label}社区`;
  const community = await buildPlace(deps, {
    kind: 'community',
    code: street.code + serial,
    name: communityName,
    parent: street,
  });
  const lng = 108 + n * 0.02;
  const grid = await buildGrid(deps, community, '001', square(lng, 37.0), `${label}一网格`);
  const { households, unit } = await buildBuilding(deps, grid, '1', [lng + 0.005, 37.005]);
  const deptCode = `D6108990${n}`;
  const deptName = `${label}${tag}所`;
  const deptId = newId();
  await deps.db
    .insertInto('departments')
    .values({
      id: deptId,
      tenant_id: '610899',
      code: deptCode,
      name: deptName,
      kind: 'justice',
      street_code: null,
      created_at: deps.clock.now(),
    })
    .execute();
  const users = {
    worker: await staff(`worker${tag}`, 'community_worker', community.code, `${tag}社工`, phoneOf(n, 1)),
    grid: await staff(`grid${tag}`, 'grid_worker', grid.code, `${tag}网格员`, phoneOf(n, 2)),
    adviser: await staff(`adviser${tag}`, 'legal_adviser', community.code, `${tag}顾问`, phoneOf(n, 3)),
    receiver: await staff(`receiver${tag}`, 'department_receiver', deptCode, `${tag}接哨员`, phoneOf(n, 4)),
  };
  await putOnDuty(deps, users.worker.username, community.code);
  const worker = await new Session(ctx).login(users.worker.username);

  const photoId = ok(
    await worker.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } }),
    ),
  ).body.id;
  const reporterName = `${tag}报事人`;
  const reporterPhone = phoneOf(n, 5);
  const created = ok(
    await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: grid.code,
      description: `${tag}路灯不亮，晚上看不见路`,
      reporterName,
      reporterPhone,
      photoIds: [photoId],
    }),
  ).body;
  const whistleSubject = `${tag}漏水哨`;
  const whistleId = ok(
    await worker.post('/api/v1/whistles', {
      caseId: created.id,
      subject: whistleSubject,
      request: '请到场处置',
      departmentCodes: [deptCode],
    }),
  ).body.id;
  const partyName = `${tag}当事人`;
  const dispute = ok(
    await worker.post('/api/v1/disputes', {
      placeCode: community.code,
      disputeType: 'neighbour',
      summary: `${tag}楼上楼下漏水纠纷`,
      source: 'walk_in',
      risk: 'medium',
      parties: [{ role: 'applicant', name: partyName, phone: phoneOf(n, 6) }],
    }),
  ).body;
  const residentName = `${tag}居民`;
  const residentPhone = phoneOf(n, 7);
  const residentId = ok(
    await worker.post('/api/v1/residents', {
      householdCode: households[0].code,
      name: residentName,
      phone: residentPhone,
      tags: ['subsistence'],
    }),
  ).body.id;
  const visitId = randomUUID();
  const visitContent = `${tag}走访：老人独居需要关照`;
  ok(
    await (
      await new Session(ctx).login(users.grid.username)
    ).post('/api/v1/visit-logs', { id: visitId, householdCode: households[0].code, content: visitContent }),
  );
  const question = `${tag}邻居占用楼道怎么办？`;
  const questionId = ok(
    await worker.post('/api/v1/legal-questions', { communityCode: community.code, question, public: false }),
  ).body.id;
  const hallName = `${tag}便民服务大厅`;
  const hallId = ok(
    await worker.post('/api/v1/services/hall/halls', { placeCode: community.code, name: hallName, slotCapacity: 5 }),
  ).body.id as string;
  const taskTitle = `${tag}征兵政策宣传`;
  ok(
    await (
      await new Session(ctx).login(users.receiver.username)
    ).post('/api/v1/duty-tasks', { communityCode: community.code, title: taskTitle, description: '张贴海报' }),
  );
  const partyOrgName = `${tag}党总支`;
  const partyOrgId = ok(
    await worker.post('/api/v1/party-orgs', {
      name: partyOrgName,
      kind: 'community_branch',
      placeCode: community.code,
      parentId: street.orgId,
    }),
  ).body.id;
  ok(await worker.post('/api/v1/party-members', { residentId, partyOrgId }));
  ok(await worker.post('/api/v1/volunteers', { residentId, skills: ['维修'] }));
  const workUnit = `${tag}单位`;
  ok(await worker.post('/api/v1/in-service-members', { residentId, workUnit, communityCode: community.code }));
  const orgName = `${tag}物业公司`;
  ok(
    await worker.post('/api/v1/organisations', { kind: 'property_company', name: orgName, placeCode: community.code }),
  );
  const teamName = `${tag}助老服务队`;
  const teamId = ok(await worker.post('/api/v1/volunteer-teams', { name: teamName, placeCode: community.code })).body
    .id as string;
  // 救助顾问: the resident (低保) in the care of the community's adviser team, visited once.
  const assistTeamName = `${tag}救助顾问服务团`;
  const assistTeamId = ok(
    await worker.post('/api/v1/services/assistance/teams', {
      communityCode: community.code,
      name: assistTeamName,
      leaderUserId: users.worker.id,
      members: [{ userId: users.worker.id, kind: 'community_worker' }],
    }),
  ).body.id as string;
  ok(
    await worker.request('PUT', `/api/v1/services/assistance/people/${residentId}/assignment`, {
      teamId: assistTeamId,
      leadUserId: users.worker.id,
    }),
  );
  const assistNote = `${tag}救助走访：讲解低保政策`;
  ok(
    await worker.post('/api/v1/services/assistance/visits', {
      residentId,
      mode: 'visit',
      kinds: ['policy'],
      note: assistNote,
      visitedOn: '2026-11-24',
    }),
  );
  // A monthly report as the job stores it (the job itself is tested in stats.test.ts).
  const fileId = newId();
  await deps.db
    .insertInto('files')
    .values({
      id: fileId,
      tenant_id: '610899',
      mime: 'application/pdf',
      size_bytes: 4,
      sha256: '0',
      storage_key: `reports/2026-10/${fileId}`,
      uploaded_by: null,
      created_at: deps.clock.now(),
    })
    .execute();
  const reportId = newId();
  await deps.db
    .insertInto('monthly_reports')
    .values({
      id: reportId,
      tenant_id: '610899',
      place_id: community.id,
      month: '2026-10',
      file_id: fileId,
      created_at: deps.clock.now(),
    })
    .execute();
  const application = await buildApplication(worker, n, tag, community.id, deptCode);
  const life = await buildLife(
    worker,
    tag,
    community,
    residentId,
    households[1].code,
    (await buildBuilding(deps, grid, '2', [lng + 0.006, 37.006])).households[0].code,
  );
  return {
    ...application,
    ...life,
    buildingCode: `${community.code}-1`,
    tag,
    street: street.code,
    streetName: street.name,
    community: community.code,
    communityName,
    grid: grid.code,
    gridPoint: [lng + 0.005, 37.005],
    householdCode: households[0].code,
    spareHousehold: households[1].code,
    unitCode: unit.code,
    dept: { id: deptId, code: deptCode, name: deptName },
    users,
    caseId: created.id,
    caseCode: created.trackingCode,
    reporterName,
    reporterPhone,
    photoId,
    whistleId,
    whistleSubject,
    disputeId: dispute.id,
    disputeCode: dispute.code,
    partyName,
    residentId,
    residentName,
    residentPhone,
    visitId,
    visitContent,
    questionId,
    question,
    taskTitle,
    streetOrgId: street.orgId,
    partyOrgId,
    partyOrgName,
    workUnit,
    orgName,
    teamId,
    teamName,
    assistTeamId,
    assistTeamName,
    assistNote,
    reportId,
    listId: street.listId,
    listTitle: street.listTitle,
    hallId,
    hallName,
  };
}

/** 社区生活 (issue 16): an activity and a post, a wish and a micro-action, goods, a room, a unit, a canteen. */
async function buildLife(
  worker: Session,
  tag: string,
  community: BuiltPlace,
  residentId: string,
  householdCode: string,
  secondHousehold: string,
) {
  const activityTitle = `${tag}志愿清扫活动`;
  const activityId = (await buildActivity(worker, community.code, { title: activityTitle, publish: false })).id;
  const postTitle = `${tag}楼道巡查岗`;
  ok(
    await worker.post('/api/v1/community/volunteers/posts', {
      communityCode: community.code,
      title: postTitle,
      slots: 3,
    }),
  );
  const wishPhotoId = ok(
    await worker.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'w.png', type: 'image/png' } }),
    ),
  ).body.id as string;
  const wishContent = `${tag}心愿：想要一台收音机`;
  const wishId = ok(
    await worker.post('/api/v1/community/wishes', {
      category: 'daily_goods',
      content: wishContent,
      residentId,
      photoIds: [wishPhotoId],
    }),
  ).body.id as string;
  const actionTitle = `${tag}微行动：修剪绿篱`;
  const actionId = ok(
    await worker.post('/api/v1/community/wishes/actions', {
      placeCode: community.code,
      title: actionTitle,
      date: '2026-12-20',
      slots: 5,
    }),
  ).body.id as string;
  const actionPhotoId = ok(
    await worker.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'a.png', type: 'image/png' } }),
    ),
  ).body.id as string;
  ok(
    await worker.post(`/api/v1/community/wishes/actions/${actionId}/done`, {
      photoIds: [actionPhotoId],
      participantIds: [],
    }),
  );
  const goodsName = `${tag}洗衣液`;
  const goodsPhotoId = ok(
    await worker.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'g.png', type: 'image/png' } }),
    ),
  ).body.id as string;
  const goodsId = ok(
    await worker.post('/api/v1/community/shop/goods', {
      communityCode: community.code,
      name: goodsName,
      pointsPrice: 30,
      stock: 10,
      photoFileId: goodsPhotoId,
    }),
  ).body.id as string;
  const roomName = `${tag}党员活动室`;
  const roomId = (await buildRoom(worker, community.id, { name: roomName })).id;
  const coUnitName = `${tag}共建单位`;
  const coUnitId = ok(
    await worker.post('/api/v1/community/units', {
      kind: 'co_building_unit',
      placeCode: community.code,
      name: coUnitName,
    }),
  ).body.id as string;
  const agreementId = ok(
    await worker.post(`/api/v1/community/units/${coUnitId}/agreements`, {
      year: 2026,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
    }),
  ).body.agreements[0].id as string;
  const entryTitle = `${tag}共建项目：楼道亮化`;
  const entryId = ok(
    await worker.post(`/api/v1/community/units/agreements/${agreementId}/entries`, {
      list: 'projects',
      title: entryTitle,
      dueOn: '2026-12-31',
      score: 10,
    }),
  ).body.id as string;
  const nominee = await residentIn(ctx, worker, householdCode, `${tag}楼长候选人`);
  const nominationId = ok(
    await worker.post(`/api/v1/community/stewards/buildings/${community.code}-1/nominations`, {
      nomineeUserId: nominee.userId,
    }),
  ).body.id as string;
  // a vote needs two candidates (steward elections are kernel votes, issue 17)
  const rival = await residentIn(ctx, worker, householdCode, `${tag}楼长候选人乙`);
  ok(
    await worker.post(`/api/v1/community/stewards/buildings/${community.code}-1/nominations`, {
      nomineeUserId: rival.userId,
    }),
  );
  // A steward appointed in building 2 (the vote stays open in building 1): a term with its checklists.
  const steward = await residentIn(ctx, worker, secondHousehold, `${tag}楼门管家`);
  const appointed = ok(
    await worker.post(`/api/v1/community/stewards/buildings/${community.code}-2/nominations`, {
      nomineeUserId: steward.userId,
    }),
  ).body.id as string;
  const termId = ok(await worker.post(`/api/v1/community/stewards/nominations/${appointed}/appoint`, {})).body
    .termId as string;
  // The steward volunteered once: signed up and attendance recorded by staff (a volunteer certificate);
  // the activity is then cancelled, so it leaves the county's open list (it has not ended on the test clock).
  const served = await buildActivity(worker, community.code, { title: `${tag}敲门行动` });
  const signupId = ok(await steward.session.post(`/api/v1/community/volunteers/activities/${served.id}/signup`)).body
    .mySignup.id as string;
  ok(await worker.post(`/api/v1/community/volunteers/activities/${served.id}/attendance`, { signupId, minutes: 60 }));
  ok(await worker.post(`/api/v1/community/volunteers/activities/${served.id}/cancel`, { reason: '下雨改期' }));
  const voteTitle = `${tag}楼门管家推选`;
  const voteId = ok(
    await worker.post(`/api/v1/community/stewards/buildings/${community.code}-1/votes`, { title: voteTitle }),
  ).body.id as string;
  const canteenName = `${tag}长者食堂`;
  const canteenId = ok(
    await worker.post('/api/v1/community/canteen/canteens', {
      communityCode: community.code,
      name: canteenName,
      kind: 'canteen',
    }),
  ).body.id as string;
  const topicTitle = `${tag}议题：东侧空地改停车位`;
  const topicId = ok(
    await worker.post('/api/v1/deliberation/topics', {
      placeId: community.id,
      title: topicTitle,
      body: '东侧空地晚上车辆乱停，商量改成停车位',
    }),
  ).body.id as string;
  // 百姓监督员 (issue 17): a renovation project in its public call.
  const supervisionTitle = `${tag}老旧小区改造`;
  const supervisionId = ok(
    await worker.post('/api/v1/decide/supervision/projects', {
      placeCode: community.code,
      title: supervisionTitle,
      seats: 2,
    }),
  ).body.id as string;
  return {
    topicId,
    topicTitle,
    supervisionId,
    supervisionTitle,
    activityId,
    activityTitle,
    postTitle,
    wishId,
    wishPhotoId,
    wishContent,
    actionId,
    actionTitle,
    goodsId,
    goodsName,
    roomId,
    roomName,
    coUnitId,
    coUnitName,
    entryId,
    entryTitle,
    nominationId,
    termId,
    volunteerUserId: steward.userId,
    actionPhotoId,
    voteId,
    voteTitle,
    canteenId,
    canteenName,
    ...(await buildHonours(worker, tag, community, householdCode)),
    ...(await buildDeliberation(worker, tag, community)),
  };
}

/** 表决 and 议事会议: an open vote of the community; a meeting that handed its one topic up to the street. */
async function buildDeliberation(worker: Session, tag: string, community: BuiltPlace) {
  const deliberationVoteTitle = `${tag}表决：东侧空地改停车位`;
  const deliberationVoteId = ok(
    await worker.post('/api/v1/deliberation/votes', {
      placeCode: community.code,
      title: deliberationVoteTitle,
      method: 'yes_no_abstain',
      secret: true,
      electorate: 'residents',
      majority: 'simple',
      closesAt: '2027-01-31T12:00:00Z',
    }),
  ).body.id as string;
  ok(await worker.post(`/api/v1/deliberation/votes/${deliberationVoteId}/open`, {}));
  const handUpTopicTitle = `${tag}议题：加装电梯费用分摊`;
  // Inserted as the topics area leaves an accepted topic (its own code series: the API numbers topics per day).
  const handUpTopicId = newId();
  const now = ctx.deps.clock.now();
  await ctx.deps.db
    .insertInto('deliberation_topics')
    .values({
      id: handUpTopicId,
      tenant_id: community.tenantId!,
      community_id: community.id,
      place_id: community.id,
      place_path: community.path,
      code: `YT-20261124-9${tag.slice(-1).charCodeAt(0)}`,
      title: handUpTopicTitle,
      body: `${handUpTopicTitle}，请大家商议。`,
      raised_via: 'community',
      raised_by: await userIdOf(ctx.deps, `worker${tag}`),
      case_id: null,
      is_public: true,
      state: 'accepted',
      seconds_needed: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const meetingTitle = `${tag}四方议事会`;
  const meetingId = ok(
    await worker.post('/api/v1/deliberation/meetings', {
      placeCode: community.code,
      kind: 'four_party',
      title: meetingTitle,
      startsAt: '2026-11-26T07:00:00Z',
      location: `${tag}议事厅`,
    }),
  ).body.id as string;
  const handUpItemId = ok(
    await worker.post(`/api/v1/deliberation/meetings/${meetingId}/agenda`, { topicId: handUpTopicId }),
  ).body.items[0].id as string;
  ok(await worker.post(`/api/v1/deliberation/meetings/${meetingId}/start`, {}));
  ok(await worker.post(`/api/v1/deliberation/agenda-items/${handUpItemId}/hand-up`, { reason: '涉及规划审批' }));
  return {
    deliberationVoteId,
    deliberationVoteTitle,
    meetingId,
    meetingTitle,
    handUpItemId,
    handUpTopicId,
    handUpTopicTitle,
  };
}

/** 文明户评选: a campaign of the community with a household nominated (its head is the fixture's resident). */
async function buildHonours(worker: Session, tag: string, community: BuiltPlace, householdCode: string) {
  const honourTitle = `${tag}星级文明户评选`;
  const honourCampaignId = ok(
    await worker.post('/api/v1/honours/campaigns', {
      placeCode: community.code,
      kind: 'civilised_household',
      year: 2026,
      title: honourTitle,
      criteria: [{ name: '邻里和睦', maxPoints: 100 }],
      starBands: [{ stars: 5, minPoints: 90 }],
    }),
  ).body.id as string;
  ok(
    await worker.post(`/api/v1/honours/campaigns/${honourCampaignId}/nominations`, {
      householdCode,
      reason: `${tag}家风好`,
    }),
  );
  return { honourCampaignId, honourTitle };
}

let serviceCategory: { id: string };
/** 办件: a bundle of the community's own item and one its department handles, entered at the window and accepted. */
async function buildApplication(worker: Session, n: number, tag: string, communityId: string, deptCode: string) {
  const name = { key: 'name', label: '姓名', kind: 'text' as const, required: true, prefill: 'name' as const };
  const own = await buildServiceItem(ctx.deps, {
    categoryId: serviceCategory.id,
    code: `SQ${tag}`,
    name: `${tag}居住证明`,
    fields: [name],
  });
  const dept = await buildServiceItem(ctx.deps, {
    categoryId: serviceCategory.id,
    code: `BM${tag}`,
    name: `${tag}部门事项`,
    handlerLevel: 'department',
    departmentCode: deptCode,
    fields: [name],
  });
  const bundle = await buildServiceBundle(ctx.deps, `YJ${tag}`, `${tag}一件事`, [own.id, dept.id]);
  const applicantName = `${tag}申请人`;
  const filed = ok(
    await worker.post('/api/v1/services/applications', {
      bundleId: bundle.id,
      communityId,
      answers: { name: applicantName },
      applicant: {
        name: applicantName,
        idNumber: `61089919800101${n}${n}${n}${idCheck(`61089919800101${n}${n}${n}`)}`,
      },
    }),
  ).body;
  ok(await worker.post(`/api/v1/services/applications/${filed.id}/accept`));
  return { applicationId: filed.id as string, applicationCode: filed.code as string, applicantName };
}

async function buildStreet(code: string, name: string, tag: string, county: BuiltPlace) {
  const street = await buildPlace(ctx.deps, { kind: 'street', code, name, parent: county });
  await staff(`officer${tag}`, 'street_officer', code, `${tag}街道干部`);
  const officer = await new Session(ctx).login(`officer${tag}`);
  const listTitle = `${tag}权责清单`;
  const bytes = await writeDutySheet(demoDutyItems());
  const listId = ok(
    await officer.request(
      'POST',
      `/api/v1/duty-lists/import?streetCode=${code}&title=${encodeURIComponent(listTitle)}&effectiveFrom=2026-01-01`,
      multipart({ file: { bytes, name: 'list.xlsx', type: xlsxType } }),
    ),
  ).body.id;
  const orgId = ok(
    await officer.post('/api/v1/party-orgs', { name: `${tag}街道党工委`, kind: 'street_committee', placeCode: code }),
  ).body.id;
  return { ...street, name, listId, listTitle, orgId };
}

let A: Fixture;
let B: Fixture;
let C: Fixture;

beforeAll(async () => {
  ctx = await createTestApp();
  const province = await buildPlace(ctx.deps, { kind: 'province', code: '61', name: '陕西省', tenantId: null });
  const city = await buildPlace(ctx.deps, { kind: 'city', code: '6108', name: '榆林市', parent: province });
  const county = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610899',
    name: '和宁县',
    parent: city,
    tenantId: '610899',
  });
  await staff('admin', 'admin', county.code, '管理员');
  serviceCategory = await buildServiceCategory(ctx.deps);
  const s1 = await buildStreet('610899001', '甲街道', 'QXS1', county);
  const s2 = await buildStreet('610899002', '乙街道', 'QXS2', county);
  A = await buildCommunity(1, 'QXA', s1, '001', '甲');
  B = await buildCommunity(2, 'QXB', s2, '001', '乙');
  C = await buildCommunity(3, 'QXC', s2, '002', '丙');
  // Users with two memberships: the same role in communities B and C.
  await staff('workerBC', 'community_worker', B.community, '乙丙社工');
  await addMembership(ctx.deps, 'workerBC', 'community_worker', C.community);
  await staff('adviserBC', 'legal_adviser', B.community, '乙丙顾问');
  await addMembership(ctx.deps, 'adviserBC', 'legal_adviser', C.community);
  await staff('mediator2', 'mediator', s2.code, '乙调解员');
  // Three communities with a record of every kind: minutes of work on a busy two-core machine.
}, 240_000);
afterAll(() => ctx.close());

type Kind = 'worker' | 'grid' | 'officer' | 'mediator' | 'adviser' | 'department';
interface Role {
  username: string;
  kind: Kind;
  sees: () => Fixture[];
}
/** The staff of street 乙, role by role; `sees` are the communities their lists must show. */
const roles: Role[] = [
  { username: 'workerQXB', kind: 'worker', sees: () => [B] },
  { username: 'workerBC', kind: 'worker', sees: () => [B, C] },
  { username: 'gridQXB', kind: 'grid', sees: () => [B] },
  { username: 'officerQXS2', kind: 'officer', sees: () => [B, C] },
  { username: 'mediator2', kind: 'mediator', sees: () => [B, C] },
  { username: 'adviserQXB', kind: 'adviser', sees: () => [B] },
  { username: 'adviserBC', kind: 'adviser', sees: () => [B, C] },
  { username: 'receiverQXB', kind: 'department', sees: () => [B] },
];

type Call = string | { probe: string };
interface Row {
  /** Requests as a user of `mine`; a probe names something of A and must be refused (403/404). */
  calls: (mine: Fixture[], a: Fixture, kind: Kind) => Call[];
  /** What each of the caller's communities puts in the list: proves the fixture is live, and that no membership is lost. */
  shows?: (x: Fixture) => string[];
  /** Rows counted in the body (one per community in the fixture). */
  count?: (body: any) => number;
  /** The role kinds whose lists must show every community they hold (default: community workers and street officers). */
  seenBy?: Kind[];
  /** Role kinds that may read A's rows here by design, and why. */
  except?: { kinds: Kind[]; reason: string };
}
type Skip = { skip: string };

const v1 = '/api/v1';
const u = (path: string, code: string) => `${path}${path.includes('?') ? '&' : '?'}under=${code}`;
/** The list itself, and the same list asked for A's community (the `?under=` lookup). */
const underList =
  (path: string) =>
  (_mine: Fixture[], a: Fixture): Call[] => [v1 + path, { probe: u(v1 + path, a.community) }];
const perCommunity =
  (path: (x: Fixture) => string, probe: (a: Fixture) => string) =>
  (mine: Fixture[], a: Fixture): Call[] => [...mine.map((x) => v1 + path(x)), { probe: v1 + probe(a) }];
/** A department hands tasks to any community of its county: for it, `under=A` narrows its own tasks (a list, not a probe). */
const dutyTasks =
  (path: string) =>
  (mine: Fixture[], a: Fixture, kind: Kind): Call[] =>
    kind === 'department' ? [v1 + path, u(v1 + path, a.community)] : underList(path)(mine, a);
const placeTree = {
  kinds: ['department'] as Kind[],
  reason: 'a department reads the place tree of its whole county (places:read on the county), never its households',
};
const streetLists = {
  kinds: ['department'] as Kind[],
  reason: 'a department checks the tasks it hands down against every street’s duty list of its county',
};

const c = `${v1}/community`;
/** The list, and the same list asked for A's community by `placeCode`. */
const placeList =
  (path: string, param = 'placeCode') =>
  (_mine: Fixture[], a: Fixture): Call[] => [
    c + path,
    { probe: `${c}${path}${path.includes('?') ? '&' : '?'}${param}=${a.community}` },
  ];
/**
 * The list, and the same list asked for A's community: these answer 200 with nothing of A (the filter
 * meets the caller's scope) rather than 403, so the second is a list call, checked for leaks, not a probe.
 */
const narrowed =
  (path: string, param: string) =>
  (_mine: Fixture[], a: Fixture): Call[] => [
    c + path,
    `${c}${path}${path.includes('?') ? '&' : '?'}${param}=${a.community}`,
  ];
/** A record of A asked for by id. */
const probe =
  (path: (a: Fixture) => string) =>
  (_mine: Fixture[], a: Fixture): Call[] => [{ probe: c + path(a) }];
/** Lists of the caller's own (sign-ups, hours, orders): called, and nothing of A may be in them. */
const own = (path: string) => () => [c + path];

function lifeRows(): Record<string, Row | Skip> {
  return {
    // 志愿服务 · 双报到认岗
    // A's activity is a draft: the county's published activities are open to anyone logged in by design.
    'GET /api/v1/community/volunteers/activities/open': { calls: own('/volunteers/activities/open') },
    'GET /api/v1/community/volunteers/activities/mine': { calls: own('/volunteers/activities/mine') },
    'GET /api/v1/community/volunteers/activities': {
      calls: placeList('/volunteers/activities'),
      shows: (x) => [x.activityTitle],
    },
    'GET /api/v1/community/volunteers/activities/{id}': {
      calls: probe((a) => `/volunteers/activities/${a.activityId}`),
    },
    'GET /api/v1/community/volunteers/activities/{id}/signups': {
      calls: probe((a) => `/volunteers/activities/${a.activityId}/signups`),
    },
    'GET /api/v1/community/volunteers/activities/{id}/checkin-qr': {
      calls: probe((a) => `/volunteers/activities/${a.activityId}/checkin-qr`),
    },
    'GET /api/v1/community/volunteers/teams': { calls: own('/volunteers/teams') },
    'GET /api/v1/community/volunteers/hours/mine': { calls: own('/volunteers/hours/mine') },
    'GET /api/v1/community/volunteers/hours': { calls: placeList('/volunteers/hours') },
    'GET /api/v1/community/volunteers/hours.xlsx': { calls: placeList('/volunteers/hours.xlsx') },
    'GET /api/v1/community/volunteers/numbers': { calls: placeList('/volunteers/numbers') },
    'GET /api/v1/community/volunteers/certificate.pdf': { calls: own('/volunteers/certificate.pdf') },
    'GET /api/v1/community/volunteers/people/{userId}/certificate.pdf': {
      calls: perCommunity(
        (x) => `/community/volunteers/people/${x.volunteerUserId}/certificate.pdf`,
        (a) => `/community/volunteers/people/${a.volunteerUserId}/certificate.pdf`,
      ),
      seenBy: [],
    },
    'GET /api/v1/community/volunteers/posts/open': { calls: own('/volunteers/posts/open') },
    'GET /api/v1/community/volunteers/posts': { calls: placeList('/volunteers/posts'), shows: (x) => [x.postTitle] },
    'GET /api/v1/community/volunteers/claims/mine': { calls: own('/volunteers/claims/mine') },
    'GET /api/v1/community/volunteers/claims': { calls: placeList('/volunteers/claims') },
    'GET /api/v1/community/volunteers/records': { calls: placeList('/volunteers/records') },
    'GET /api/v1/community/volunteers/unit-members': { calls: own('/volunteers/unit-members') },
    // 微心愿 · 微行动
    'GET /api/v1/community/wishes': { calls: placeList('/wishes'), shows: (x) => [x.wishContent] },
    'GET /api/v1/community/wishes/wall': { calls: own('/wishes/wall') },
    'GET /api/v1/community/wishes/mine': { calls: own('/wishes/mine') },
    'GET /api/v1/community/wishes/claimed': { calls: own('/wishes/claimed') },
    'GET /api/v1/community/wishes/residents': {
      calls: (_m, a) => [`${c}/wishes/residents?q=${encodeURIComponent(a.residentName)}`],
    },
    'GET /api/v1/community/wishes/units': { calls: own('/wishes/units') },
    'GET /api/v1/community/wishes/numbers': { calls: placeList('/wishes/numbers?year=2026') },
    'GET /api/v1/community/wishes/actions': { calls: placeList('/wishes/actions'), shows: (x) => [x.actionTitle] },
    'GET /api/v1/community/wishes/actions/nearby': { calls: own('/wishes/actions/nearby') },
    'GET /api/v1/community/wishes/actions/{id}': { calls: probe((a) => `/wishes/actions/${a.actionId}`) },
    'GET /api/v1/community/wishes/actions/{id}/photos/{fileId}': {
      calls: probe((a) => `/wishes/actions/${a.actionId}/photos/${a.actionPhotoId}`),
    },
    'GET /api/v1/community/wishes/{id}': { calls: probe((a) => `/wishes/${a.wishId}`) },
    'GET /api/v1/community/wishes/{id}/photos/{fileId}': {
      calls: probe((a) => `/wishes/${a.wishId}/photos/${a.wishPhotoId}`),
    },
    // 积分 · 积分超市
    'GET /api/v1/community/points/rules': {
      calls: perCommunity(
        (x) => `/community/points/rules?communityCode=${x.community}`,
        (a) => `/community/points/rules?communityCode=${a.community}`,
      ),
    },
    'GET /api/v1/community/points/me': { calls: own('/points/me') },
    'GET /api/v1/community/points/entries': { calls: narrowed('/points/entries', 'under') },
    'GET /api/v1/community/points/ranking': { calls: narrowed('/points/ranking?year=2026', 'placeCode') },
    'GET /api/v1/community/points/ranking.xlsx': { calls: narrowed('/points/ranking.xlsx?year=2026', 'placeCode') },
    'GET /api/v1/community/shop/goods': { calls: narrowed('/shop/goods', 'under'), shows: (x) => [x.goodsName] },
    'GET /api/v1/community/shop/goods/{id}/photo': {
      skip: 'a product photo of the 积分超市 shelf, which any logged-in resident sees for the community they pick (community-points.md: “logged in”); no personal data',
    },
    'GET /api/v1/community/shop/shelf': { calls: own('/shop/shelf') },
    'GET /api/v1/community/shop/redemptions/mine': { calls: own('/shop/redemptions/mine') },
    'GET /api/v1/community/shop/redemptions': { calls: narrowed('/shop/redemptions', 'under') },
    'GET /api/v1/community/shop/numbers': { calls: narrowed('/shop/numbers?year=2026', 'placeCode') },
    'GET /api/v1/community/me/home': {
      skip: 'the caller’s own 我的社区, and the county’s community names to choose from (reference data)',
    },
    // 功能室
    'GET /api/v1/community/rooms/rooms': { calls: placeList('/rooms/rooms'), shows: (x) => [x.roomName] },
    'GET /api/v1/community/rooms/nearby': { calls: own('/rooms/nearby') },
    'GET /api/v1/community/rooms/booking-options': { calls: own('/rooms/booking-options') },
    'GET /api/v1/community/rooms/rooms/{id}': {
      calls: perCommunity(
        (x) => `/community/rooms/rooms/${x.roomId}`,
        (a) => `/community/rooms/rooms/${a.roomId}`,
      ),
      shows: (x) => [x.roomName],
    },
    'GET /api/v1/community/rooms/rooms/{id}/qr': { calls: probe((a) => `/rooms/rooms/${a.roomId}/qr`) },
    'GET /api/v1/community/rooms/rooms/{id}/day': {
      skip: 'a room’s opening and taken times of a day, no names: any logged-in user, by design (community-rooms.md)',
    },
    'GET /api/v1/community/rooms/targets': { calls: placeList('/rooms/targets') },
    'GET /api/v1/community/rooms/bookings/mine': { calls: own('/rooms/bookings/mine') },
    'GET /api/v1/community/rooms/bookings': {
      calls: (m, a) => [...narrowed('/rooms/bookings', 'placeCode')(m, a), `${c}/rooms/bookings?roomId=${a.roomId}`],
    },
    'GET /api/v1/community/rooms/check-in/{token}': {
      skip: 'the check-in page of a room’s QR code, by the unguessable token on its door: the room, and the caller’s own bookings there',
    },
    'GET /api/v1/community/rooms/usage': { calls: placeList('/rooms/usage?year=2026'), shows: (x) => [x.roomName] },
    'GET /api/v1/community/rooms/usage.xlsx': {
      calls: placeList('/rooms/usage.xlsx?year=2026'),
      shows: (x) => [x.roomName],
    },
    'GET /api/v1/community/rooms/numbers': { calls: placeList('/rooms/numbers?year=2026') },
    // 百姓监督员 (issue 17)
    'GET /api/v1/decide/supervision/projects': {
      calls: (_m, a) => [
        `${v1}/decide/supervision/projects`,
        { probe: `${v1}/decide/supervision/projects?placeCode=${a.community}` },
      ],
      shows: (x) => [x.supervisionTitle],
    },
    'GET /api/v1/decide/supervision/projects/{id}': {
      calls: (mine, a) => [
        ...mine.map((x) => `${v1}/decide/supervision/projects/${x.supervisionId}`),
        { probe: `${v1}/decide/supervision/projects/${a.supervisionId}` },
      ],
    },
    'GET /api/v1/decide/supervision/mine': { calls: () => [`${v1}/decide/supervision/mine`] },
    'GET /api/v1/decide/supervision/residents/projects': {
      calls: () => [`${v1}/decide/supervision/residents/projects`],
    },
    'GET /api/v1/decide/supervision/residents/projects/{id}': {
      calls: (_m, a) => [{ probe: `${v1}/decide/supervision/residents/projects/${a.supervisionId}` }],
    },
    // 楼门管家
    'GET /api/v1/community/stewards/buildings': {
      calls: placeList('/stewards/buildings'),
      shows: (x) => [x.buildingCode],
    },
    'GET /api/v1/community/stewards/buildings/{code}': {
      calls: perCommunity(
        (x) => `/community/stewards/buildings/${x.buildingCode}`,
        (a) => `/community/stewards/buildings/${a.buildingCode}`,
      ),
    },
    'GET /api/v1/community/stewards/votes/{id}': { calls: probe((a) => `/stewards/votes/${a.voteId}`) },
    'GET /api/v1/community/stewards/mine': { calls: own('/stewards/mine') },
    'GET /api/v1/community/stewards/me': { calls: own('/stewards/me') },
    'GET /api/v1/community/stewards/terms/{id}/checklists/{month}': {
      calls: probe((a) => `/stewards/terms/${a.termId}/checklists/2026-11`),
    },
    'GET /api/v1/community/stewards/opinions': { calls: placeList('/stewards/opinions') },
    'GET /api/v1/community/stewards/commendations': { calls: placeList('/stewards/commendations?year=2026') },
    'GET /api/v1/community/stewards/numbers': { calls: placeList('/stewards/numbers?year=2026') },
    // 共驻共建
    'GET /api/v1/community/units': { calls: placeList('/units'), shows: (x) => [x.coUnitName] },
    'GET /api/v1/community/units/mine': { calls: own('/units/mine') },
    'GET /api/v1/community/units/ranking': { calls: placeList('/units/ranking?year=2026') },
    'GET /api/v1/community/units/ranking.xlsx': { calls: placeList('/units/ranking.xlsx?year=2026') },
    'GET /api/v1/community/units/numbers': { calls: placeList('/units/numbers?year=2026') },
    'GET /api/v1/community/units/entries/pending': { calls: placeList('/units/entries/pending') },
    'GET /api/v1/community/units/buildings': {
      calls: perCommunity(
        (x) => `/community/units/buildings?placeCode=${x.community}`,
        (a) => `/community/units/buildings?placeCode=${a.community}`,
      ),
      shows: (x) => [x.buildingCode],
    },
    'GET /api/v1/community/units/{id}': {
      calls: perCommunity(
        (x) => `/community/units/${x.coUnitId}`,
        (a) => `/community/units/${a.coUnitId}`,
      ),
      shows: (x) => [x.coUnitName],
    },
    'GET /api/v1/community/units/{id}/liaison-candidates': {
      calls: probe((a) => `/units/${a.coUnitId}/liaison-candidates`),
    },
    'GET /api/v1/community/units/entries/{id}': { calls: probe((a) => `/units/entries/${a.entryId}`) },
    // 长者食堂
    'GET /api/v1/community/canteen/canteens': {
      calls: narrowed('/canteen/canteens', 'placeCode'),
      shows: (x) => [x.canteenName],
    },
    'GET /api/v1/community/canteen/desk': { calls: own('/canteen/desk') },
    'GET /api/v1/community/canteen/mine': { calls: own('/canteen/mine') },
    'GET /api/v1/community/canteen/tags': { calls: own('/canteen/tags') },
    'GET /api/v1/community/canteen/rules': { calls: narrowed('/canteen/rules', 'communityCode') },
    'GET /api/v1/community/canteen/numbers': { calls: placeList('/canteen/numbers') },
    'GET /api/v1/community/canteen/orders/mine': { calls: own('/canteen/orders/mine') },
    'GET /api/v1/community/canteen/canteens/{id}': {
      calls: perCommunity(
        (x) => `/community/canteen/canteens/${x.canteenId}`,
        (a) => `/community/canteen/canteens/${a.canteenId}`,
      ),
      shows: (x) => [x.canteenName],
    },
    'GET /api/v1/community/canteen/canteens/{id}/operator-candidates': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/operator-candidates`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/menu': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/menu`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/diners': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/diners?q=${encodeURIComponent(a.residentName)}`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/meals': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/meals`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/daily': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/daily`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/orders': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/orders`),
    },
    'GET /api/v1/community/canteen/canteens/{id}/statement.xlsx': {
      calls: probe((a) => `/canteen/canteens/${a.canteenId}/statement.xlsx?month=2026-11`),
    },
  };
}

/**
 * Every GET operation of the OpenAPI document, keyed as it appears there. A new operation fails the
 * first test until it gets a row here. Open311 (/open311/v2) is not in the document: its reads are
 * per county, for API keys and the public, not per user.
 */
const table: Record<string, Row | Skip> = {
  'GET /api/v1/public/config': { skip: 'public settings of the web pages: no rows' },
  'GET /api/v1/public/base-map': { skip: 'public, non-personal geography (roads, blocks): no rows' },
  'GET /api/v1/me': { skip: 'the caller’s own account' },
  'GET /api/v1/places': {
    calls: (mine, a) => [
      `${v1}/places`,
      ...mine.map((x) => `${v1}/places?parent=${x.community}`),
      { probe: `${v1}/places?parent=${a.community}` },
      { probe: `${v1}/places?parent=${a.street}` },
    ],
    shows: (x) => [x.community],
    seenBy: ['worker'],
    except: placeTree,
  },
  'GET /api/v1/places/locate': {
    calls: (_m, a) => [{ probe: `${v1}/places/locate?lng=${a.gridPoint[0]}&lat=${a.gridPoint[1]}` }],
    except: placeTree,
  },
  'GET /api/v1/places/{code}': {
    calls: (_m, a) => [{ probe: `${v1}/places/${a.community}` }, { probe: `${v1}/places/${a.householdCode}` }],
    except: placeTree,
  },
  'GET /api/v1/places/{code}/households': {
    calls: perCommunity(
      (x) => `/places/${x.community}/households`,
      (a) => `/places/${a.community}/households`,
    ),
    shows: (x) => [x.householdCode],
  },
  'GET /api/v1/grids': {
    calls: perCommunity(
      (x) => `/grids?under=${x.community}`,
      (a) => `/grids?under=${a.community}`,
    ),
    shows: (x) => [x.grid],
    except: placeTree,
  },
  'GET /api/v1/grid-changes': {
    calls: perCommunity(
      (x) => `/grid-changes?under=${x.community}`,
      (a) => `/grid-changes?under=${a.community}`,
    ),
    except: placeTree,
  },
  'GET /api/v1/departments': {
    skip: 'departments belong to the county: every community dispatches to and summons the same ones (reference data)',
  },
  'GET /api/v1/resident-tags': { skip: 'reference data: the tag names' },
  'GET /api/v1/household-summaries': {
    calls: perCommunity(
      (x) => `/household-summaries?under=${x.community}`,
      (a) => `/household-summaries?under=${a.community}`,
    ),
    shows: (x) => [x.householdCode],
  },
  'GET /api/v1/residents/import/template': { skip: 'an empty sheet with the column headings' },
  'GET /api/v1/residents/export': { calls: underList('/residents/export'), shows: (x) => [x.residentName] },
  'GET /api/v1/residents': { calls: underList('/residents'), shows: (x) => [x.residentName] },
  'GET /api/v1/residents/{id}': { calls: (_m, a) => [{ probe: `${v1}/residents/${a.residentId}` }] },
  'GET /api/v1/files/{id}': { calls: (_m, a) => [{ probe: `${v1}/files/${a.photoId}` }] },
  'GET /api/v1/cases/{id}/sheet.pdf': { calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}/sheet.pdf` }] },
  'GET /api/v1/communities/{code}/qr-poster.pdf': {
    calls: (_m, a) => [{ probe: `${v1}/communities/${a.community}/qr-poster.pdf` }],
  },
  'GET /api/v1/my/cases': { calls: () => [`${v1}/my/cases`] },
  'GET /api/v1/cases': {
    calls: (m, a) => [`${v1}/cases?state=all`, ...underList('/cases')(m, a)],
    shows: (x) => [x.caseCode],
  },
  'GET /api/v1/case-categories': { skip: 'reference data: the categories' },
  'GET /api/v1/cases/{id}': { calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}` }] },
  'GET /api/v1/cases/{id}/duplicates': { calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}/duplicates` }] },
  'GET /api/v1/cases/{id}/dispatch-people': {
    calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}/dispatch-people` }],
  },
  'GET /api/v1/duty-roster': {
    calls: perCommunity(
      (x) => `/duty-roster?community=${x.community}`,
      (a) => `/duty-roster?community=${a.community}`,
    ),
    shows: (x) => [x.users.worker.name],
  },
  'GET /api/v1/sms-outbox': {
    calls: () => [`${v1}/sms-outbox?pageSize=100`],
    shows: (x) => [x.caseCode, mask(x.reporterPhone)],
  },
  'GET /api/v1/stats/summary': {
    calls: underList('/stats/summary'),
    shows: (x) => [x.communityName],
    count: (b) => b.current.received,
    seenBy: ['worker'],
  },
  'GET /api/v1/stats/trend': {
    calls: underList('/stats/trend'),
    count: (b) => b.items.reduce((n: number, i: { received: number }) => n + i.received, 0),
    seenBy: ['worker', 'officer'],
  },
  'GET /api/v1/stats/breakdown': {
    calls: (m, a) => [...underList('/stats/breakdown?by=community')(m, a), `${v1}/stats/breakdown?by=grid`],
    shows: (x) => [x.community, x.grid],
  },
  'GET /api/v1/stats/breakdown.xlsx': {
    calls: underList('/stats/breakdown.xlsx?by=community'),
    shows: (x) => [x.communityName],
  },
  'GET /api/v1/stats/monthly-report.pdf': {
    calls: perCommunity(
      (x) => `/stats/monthly-report.pdf?under=${x.community}&month=2026-11`,
      (a) => `/stats/monthly-report.pdf?under=${a.community}&month=2026-11`,
    ),
    shows: (x) => [x.communityName],
  },
  'GET /api/v1/stats/monthly-reports': {
    calls: perCommunity(
      (x) => `/stats/monthly-reports?under=${x.community}`,
      (a) => `/stats/monthly-reports?under=${a.community}`,
    ),
    shows: (x) => [x.reportId],
  },
  'GET /api/v1/stats/monthly-reports/{id}': {
    calls: (_m, a) => [{ probe: `${v1}/stats/monthly-reports/${a.reportId}` }],
  },
  'GET /api/v1/whistles': {
    calls: () => [`${v1}/whistles`, `${v1}/whistles?mine=true`],
    shows: (x) => [x.whistleSubject],
  },
  'GET /api/v1/whistle-advisers': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/whistle-advisers?placeCode=${x.community}`),
      { probe: `${v1}/whistle-advisers?caseId=${a.caseId}` },
      { probe: `${v1}/whistle-advisers?placeCode=${a.community}` },
    ],
    shows: (x) => [x.users.adviser.name],
  },
  'GET /api/v1/whistle-ranking': { calls: underList('/whistle-ranking'), shows: (x) => [x.dept.code] },
  'GET /api/v1/whistles/{id}': { calls: (_m, a) => [{ probe: `${v1}/whistles/${a.whistleId}` }] },
  // 办件 (issue 15): the window's queue by place; the review queue by department or handling place.
  'GET /api/v1/services/applications': {
    calls: () => [`${v1}/services/applications`, `${v1}/services/applications?state=accepted`],
    shows: (x) => [x.applicationCode],
  },
  'GET /api/v1/services/applications/mine': { skip: 'the caller’s own applications (applicant_user_id)' },
  'GET /api/v1/services/prefill': { skip: 'the caller’s own registry record, matched by their account’s phone' },
  'GET /api/v1/services/applications/{id}': {
    calls: (_m, a) => [{ probe: `${v1}/services/applications/${a.applicationId}` }],
  },
  'GET /api/v1/services/applications/{id}/form.pdf': {
    calls: (_m, a) => [{ probe: `${v1}/services/applications/${a.applicationId}/form.pdf` }],
  },
  'GET /api/v1/services/parts': {
    calls: () => [`${v1}/services/parts`],
    shows: (x) => [x.applicationCode],
    seenBy: ['worker', 'officer', 'department'],
  },
  'GET /api/v1/disputes/analysis.pdf': {
    calls: perCommunity(
      (x) => `/disputes/analysis.pdf?under=${x.community}&month=2026-11`,
      (a) => `/disputes/analysis.pdf?under=${a.community}&month=2026-11`,
    ),
    shows: (x) => [x.communityName],
  },
  'GET /api/v1/disputes': {
    calls: (m, a) => [`${v1}/disputes?caseId=${a.caseId}`, ...underList('/disputes')(m, a)],
    shows: (x) => [x.disputeCode],
    seenBy: ['worker', 'officer', 'mediator'],
  },
  'GET /api/v1/disputes/{id}': { calls: (_m, a) => [{ probe: `${v1}/disputes/${a.disputeId}` }] },
  'GET /api/v1/disputes/{id}/agreement.pdf': {
    calls: (_m, a) => [{ probe: `${v1}/disputes/${a.disputeId}/agreement.pdf` }],
  },
  'GET /api/v1/duty-lists': {
    calls: perCommunity(
      (x) => `/duty-lists?street=${x.street}`,
      (a) => `/duty-lists?street=${a.street}`,
    ),
    shows: (x) => [x.listTitle],
    except: streetLists,
  },
  'GET /api/v1/duty-lists/{id}/items': {
    calls: perCommunity(
      (x) => `/duty-lists/${x.listId}/items`,
      (a) => `/duty-lists/${a.listId}/items`,
    ),
    except: streetLists,
  },
  'GET /api/v1/duty-lists/{id}/export.xlsx': {
    calls: perCommunity(
      (x) => `/duty-lists/${x.listId}/export.xlsx`,
      (a) => `/duty-lists/${a.listId}/export.xlsx`,
    ),
    except: streetLists,
  },
  'GET /api/v1/cases/{id}/duty-advice': { calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}/duty-advice` }] },
  // 智能派单: the suggestion on a case is the case's; the county's models, settings and hit rate are the
  // county administrators' only (street and community staff get 404, departments 403).
  'GET /api/v1/cases/{id}/dispatch-suggestion': {
    calls: (_m, a) => [{ probe: `${v1}/cases/${a.caseId}/dispatch-suggestion` }],
  },
  'GET /api/v1/dispatch/suggestions': { calls: (_m, a) => [`${v1}/dispatch/suggestions?ids=${a.caseId}`] },
  'GET /api/v1/dispatch/status': { calls: () => [{ probe: `${v1}/dispatch/status` }] },
  'GET /api/v1/dispatch/hit-rate': { calls: () => [{ probe: `${v1}/dispatch/hit-rate` }] },
  'GET /api/v1/duty-tasks': {
    calls: dutyTasks('/duty-tasks'),
    shows: (x) => [x.taskTitle],
    seenBy: ['worker', 'officer', 'department'],
  },
  'GET /api/v1/duty-tasks/stats': {
    calls: dutyTasks('/duty-tasks/stats'),
    shows: (x) => [x.dept.code],
    seenBy: ['worker', 'officer', 'department'],
  },
  'GET /api/v1/public/legal-faq': { calls: () => [`${v1}/public/legal-faq`] },
  'GET /api/v1/legal-questions': {
    calls: () => [`${v1}/legal-questions`, `${v1}/legal-questions?mine=true`],
    shows: (x) => [x.question],
    seenBy: ['adviser'],
  },
  'GET /api/v1/api-keys': {
    skip: 'Open311 keys of the county, for its administrators only (users:manage): no place rows',
  },
  // 议题 (issue 17)
  'GET /api/v1/deliberation/topics': {
    calls: (_m, a) => [
      `${v1}/deliberation/topics`,
      { probe: `${v1}/deliberation/topics?communityCode=${a.community}` },
    ],
    shows: (x) => [x.topicTitle],
  },
  'GET /api/v1/deliberation/topics/places': { calls: () => [`${v1}/deliberation/topics/places`] },
  'GET /api/v1/deliberation/topics/community': { calls: () => [`${v1}/deliberation/topics/community`] },
  'GET /api/v1/deliberation/topics/mine': { calls: () => [`${v1}/deliberation/topics/mine`] },
  'GET /api/v1/deliberation/topics/settings': { calls: () => [`${v1}/deliberation/topics/settings`] },
  'GET /api/v1/deliberation/topics/by-case/{caseId}': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/topics/by-case/${a.caseId}` }],
  },
  'GET /api/v1/deliberation/topics/{id}': { calls: (_m, a) => [{ probe: `${v1}/deliberation/topics/${a.topicId}` }] },
  'GET /api/v1/public/communities/{code}/topics': {
    skip: 'public by design: a community’s public topics (code, title, state, seconds, day) on its public page, no names',
  },
  'GET /api/v1/public/communities/{code}': {
    skip: 'the public QR form of a community: name, street and categories, printed on its poster',
  },
  // 表决 (issue 17)
  'GET /api/v1/deliberation/votes': {
    calls: (_m, a) => [
      `${v1}/deliberation/votes`,
      `${v1}/deliberation/votes?state=open`,
      // another community's code narrows the caller's own votes to none (an empty list, checked for leaks)
      `${v1}/deliberation/votes?communityCode=${a.community}`,
    ],
    shows: (x) => [x.deliberationVoteTitle],
  },
  'GET /api/v1/deliberation/votes/{id}': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/deliberation/votes/${x.deliberationVoteId}`),
      { probe: `${v1}/deliberation/votes/${a.deliberationVoteId}` },
    ],
  },
  'GET /api/v1/deliberation/votes/{id}/roll': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/deliberation/votes/${x.deliberationVoteId}/roll`),
      { probe: `${v1}/deliberation/votes/${a.deliberationVoteId}/roll` },
    ],
  },
  'GET /api/v1/deliberation/votes/{id}/results.xlsx': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/votes/${a.deliberationVoteId}/results.xlsx` }],
  },
  'GET /api/v1/me/votes': { calls: () => [`${v1}/me/votes`] },
  'GET /api/v1/me/votes/{id}': { calls: (_m, a) => [{ probe: `${v1}/me/votes/${a.deliberationVoteId}` }] },
  'GET /api/v1/public/communities/{code}/votes': {
    skip: 'public by design: a community’s open votes (title, closing time, turnout) and closed results, no names',
  },
  // 议事会议 (issue 17)
  'GET /api/v1/deliberation/meetings': {
    calls: () => [`${v1}/deliberation/meetings`, `${v1}/deliberation/meetings?state=in_progress`],
    shows: (x) => [x.meetingTitle],
  },
  'GET /api/v1/deliberation/meetings/mine': { calls: () => [`${v1}/deliberation/meetings/mine`] },
  'GET /api/v1/deliberation/meetings/{id}': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/deliberation/meetings/${x.meetingId}`),
      { probe: `${v1}/deliberation/meetings/${a.meetingId}` },
    ],
  },
  'GET /api/v1/deliberation/meetings/{id}/phone': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/meetings/${a.meetingId}/phone` }],
  },
  'GET /api/v1/deliberation/meetings/{id}/candidates': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/meetings/${a.meetingId}/candidates` }],
  },
  'GET /api/v1/deliberation/meetings/{id}/owners': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/meetings/${a.meetingId}/owners` }],
  },
  'GET /api/v1/deliberation/meetings/{id}/record.pdf': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/deliberation/meetings/${x.meetingId}/record.pdf`),
      { probe: `${v1}/deliberation/meetings/${a.meetingId}/record.pdf` },
    ],
  },
  'GET /api/v1/deliberation/hand-ups': {
    calls: () => [`${v1}/deliberation/hand-ups`],
    shows: (x) => [x.handUpTopicTitle],
    seenBy: ['officer'],
  },
  'GET /api/v1/deliberation/hand-ups/{id}/record.pdf': {
    calls: (_m, a) => [{ probe: `${v1}/deliberation/hand-ups/${a.handUpItemId}/record.pdf` }],
  },
  'GET /api/v1/deliberation/topics/{id}/trail': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/deliberation/topics/${x.handUpTopicId}/trail`),
      { probe: `${v1}/deliberation/topics/${a.handUpTopicId}/trail` },
    ],
  },
  'GET /api/v1/deliberation/meeting-checkin/{token}': {
    skip: 'the check-in page of a meeting’s QR code, by the unguessable token shown in the hall: the meeting and the caller’s own attendance',
  },
  'GET /api/v1/public/communities/{code}/meetings': {
    skip: 'public by design: a community’s upcoming and recent meetings (title, kind, time, place, topic titles), no names',
  },
  // 社区公开页 (issue 17)
  'GET /api/v1/public/communities/{code}/overview': {
    skip: 'public by design: a community’s name, street and this month’s rates with their counts, no person',
  },
  'GET /api/v1/public/communities/{code}/reports': {
    skip: 'public by design: reports residents made public (category, state, day, rounded point, building), no person',
  },
  'GET /api/v1/public/communities/{code}/reports/{id}/photo': {
    skip: 'the first photo of a report its resident made public, on the community’s public page',
  },
  'GET /api/v1/public/communities/{code}/supervision': {
    skip: 'the public supervision page of a community (五公开): titles, states, masked supervisors and counts, open by design',
  },
  // 五公开 (issue 17): the fixture has no notices; test/api/decide-notices.test.ts proves another
  // community's staff see none of them (lists, archive, places, 404 on ids) and the public board shows
  // only its own community's published ones.
  'GET /api/v1/notices': { calls: () => [`${v1}/notices`, `${v1}/notices?tab=archive`] },
  'GET /api/v1/notices/places': { calls: () => [`${v1}/notices/places`] },
  'GET /api/v1/notices/archive': { calls: () => [`${v1}/notices/archive`] },
  'GET /api/v1/notices/feed': { skip: 'a resident’s own community, grid and building (decide-notices.test.ts)' },
  'GET /api/v1/notices/feed/{id}': {
    skip: 'one notice for the resident’s place; 404 elsewhere (decide-notices.test.ts)',
  },
  'GET /api/v1/notices/{id}': { skip: 'staff of the notice’s place only; 404 elsewhere (decide-notices.test.ts)' },
  'GET /api/v1/notices/{id}/attachments/{fileId}': {
    skip: 'a file the notice carries, to whoever sees the notice (decide-notices.test.ts)',
  },
  'GET /api/v1/public/communities/{code}/notices': { skip: 'published notices of one community, no login, by design' },
  'GET /api/v1/public/communities/{code}/notices/{id}': { skip: 'a published notice of that community only' },
  'GET /api/v1/public/communities/{code}/notices/{id}/attachments/{fileId}': {
    skip: 'a file of a published notice of that community only',
  },
  'GET /api/v1/public/cases/{code}': { calls: (_m, a) => [{ probe: `${v1}/public/cases/${a.caseCode}` }] },
  'GET /api/v1/categories': {
    skip: 'reference data: the categories, county-wide (categories.test.ts covers who may edit)',
  },
  'GET /api/v1/categories/{code}/versions': { skip: 'reference data: the history of a category, no place rows' },
  'GET /api/v1/visit-logs': {
    calls: (m, a) => [`${v1}/visit-logs?mine=true`, ...underList('/visit-logs')(m, a)],
    shows: (x) => [x.visitContent],
  },
  'GET /api/v1/party-orgs': { calls: underList('/party-orgs'), shows: (x) => [x.partyOrgName] },
  'GET /api/v1/party-members': { calls: underList('/party-members'), shows: (x) => [x.residentName] },
  'GET /api/v1/volunteers': { calls: underList('/volunteers'), shows: (x) => [x.residentName] },
  'GET /api/v1/in-service-members': { calls: underList('/in-service-members'), shows: (x) => [x.workUnit] },
  'GET /api/v1/organisations': { calls: underList('/organisations'), shows: (x) => [x.orgName] },
  'GET /api/v1/calendar': { skip: 'reference data: the years of the holiday calendar, one for the installation' },
  'GET /api/v1/calendar/years/{year}': { skip: 'reference data: the holidays of a year, one for the installation' },
  'GET /api/v1/calendar/hours': { skip: 'the business hours of the caller’s own county: no place rows' },
  'GET /api/v1/party-org-kinds': { skip: 'reference data: the county’s list of party organisation kinds' },
  'GET /api/v1/organisation-kinds': { skip: 'reference data: the county’s list of organisation kinds' },
  'GET /api/v1/spots': {
    calls: perCommunity(
      (x) => `/spots?under=${x.community}`,
      (a) => `/spots?under=${a.community}`,
    ),
    except: placeTree,
  },
  'GET /api/v1/public/places/{token}': {
    skip: 'the public QR form of a building, unit or spot: its name, by the unguessable token on its poster',
  },
  // 督办: none of the fixture cases is late; escalation.test.ts shows the street's queue holds its own
  // escalated case and another street's does not. Here: nothing of A leaks, whoever asks.
  'GET /api/v1/supervision': { calls: () => [`${v1}/supervision?pageSize=100`] },
  'GET /api/v1/volunteer-teams': {
    calls: (m, a) => [
      ...underList('/volunteer-teams')(m, a),
      ...perCommunity(
        (x) => `/volunteer-teams?serving=${x.grid}`,
        (y) => `/volunteer-teams?serving=${y.grid}`,
      )(m, a),
    ],
    shows: (x) => [x.teamName],
  },
  'GET /api/v1/volunteer-teams/candidates': {
    calls: perCommunity(
      (x) => `/volunteer-teams/candidates?placeCode=${x.community}`,
      (a) => `/volunteer-teams/candidates?placeCode=${a.community}`,
    ),
  },
  'GET /api/v1/users': {
    calls: (mine, a) => [`${v1}/users?pageSize=100`, { probe: u(`${v1}/users`, a.community) }],
    shows: (x) => [x.users.grid.name],
  },
  'GET /api/v1/users/{id}': {
    calls: (_m, a) => [{ probe: `${v1}/users/${a.users.worker.id}` }, { probe: `${v1}/users/${a.users.grid.id}` }],
  },
  'GET /api/v1/users/grant-options': { calls: () => [`${v1}/users/grant-options`], shows: (x) => [x.communityName] },
  // 一站式大厅 (issue 15, hall): a hall is its community's; another community's hall is not found.
  'GET /api/v1/services/hall/halls': { calls: () => [`${v1}/services/hall/halls`], shows: (x) => [x.hallName] },
  'GET /api/v1/services/hall/halls/{id}': {
    calls: perCommunity(
      (x) => `/services/hall/halls/${x.hallId}`,
      (a) => `/services/hall/halls/${a.hallId}`,
    ),
    shows: (x) => [x.hallName],
  },
  'GET /api/v1/services/hall/halls/{id}/windows': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/windows` }],
  },
  'GET /api/v1/services/hall/halls/{id}/queue': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/queue` }],
  },
  'GET /api/v1/services/hall/halls/{id}/stats': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/stats` }],
  },
  'GET /api/v1/services/hall/halls/{id}/appointments': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/appointments` }],
  },
  'GET /api/v1/services/hall/halls/{id}/services': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/services` }],
  },
  'GET /api/v1/services/hall/halls/{id}/kiosks': {
    calls: (_m, a) => [{ probe: `${v1}/services/hall/halls/${a.hallId}/kiosks` }],
  },
  'GET /api/v1/services/hall/appointments/mine': { calls: () => [`${v1}/services/hall/appointments/mine`] },
  'GET /api/v1/services/hall/tickets/mine': { calls: () => [`${v1}/services/hall/tickets/mine`] },
  'GET /api/v1/public/services/halls': {
    skip: 'the public list of halls residents may book at: names and addresses of public offices, no personal data',
  },
  'GET /api/v1/public/services/halls/{id}/slots': { skip: 'a public hall’s free half-day places: counts only' },
  'GET /api/v1/public/services/halls/{id}/services': { skip: 'the county’s public catalogue names, by hall' },
  'GET /api/v1/public/services/hall-screen/{token}': {
    skip: 'the hall’s TV, by the unguessable token in its link: ticket and window labels only',
  },
  'GET /api/v1/kiosk/me': { skip: 'kiosk API: authenticated by a device token, not a user (services-hall.test.ts)' },
  'GET /api/v1/kiosk/catalogue': { skip: 'kiosk API: the county’s public catalogue, by device token' },
  'GET /api/v1/kiosk/{kind}/{id}': { skip: 'kiosk API: a public item’s form, by device token' },
  'GET /api/v1/users/import-template.xlsx': { skip: 'the blank Excel template of staff accounts: header and notes' },
  // 救助顾问 and 服务数据 (issue 15)
  'GET /api/v1/services/assistance/people': {
    calls: underList('/services/assistance/people'),
    shows: (x) => [x.residentName, x.assistTeamName],
  },
  'GET /api/v1/services/assistance/people/{id}': {
    calls: (_m, a) => [{ probe: `${v1}/services/assistance/people/${a.residentId}` }],
  },
  'GET /api/v1/services/assistance/mine': { calls: () => [`${v1}/services/assistance/mine`] },
  'GET /api/v1/services/assistance/teams': {
    calls: underList('/services/assistance/teams'),
    shows: (x) => [x.assistTeamName],
  },
  'GET /api/v1/services/assistance/team-candidates': {
    calls: perCommunity(
      (x) => `/services/assistance/team-candidates?communityCode=${x.community}`,
      (a) => `/services/assistance/team-candidates?communityCode=${a.community}`,
    ),
    shows: (x) => [x.users.worker.name],
  },
  'GET /api/v1/services/assistance/visits': {
    calls: underList('/services/assistance/visits'),
    shows: (x) => [x.assistNote],
  },
  'GET /api/v1/services/assistance/settings': { skip: 'the reminder period of the caller’s own county: no place rows' },
  'GET /api/v1/services/numbers': {
    calls: (_m, a) => [`${v1}/services/numbers`, { probe: `${v1}/services/numbers?place=${a.community}` }],
  },
  'GET /api/v1/services/numbers.xlsx': {
    calls: (_m, a) => [`${v1}/services/numbers.xlsx`, { probe: `${v1}/services/numbers.xlsx?place=${a.community}` }],
  },
  // 社区生活数据 and 待办 (issue 16): counts of the caller's scope only, from each area's own numbers and lists.
  'GET /api/v1/community/numbers': {
    calls: (_m, a) => [`${v1}/community/numbers`, { probe: `${v1}/community/numbers?placeCode=${a.community}` }],
  },
  'GET /api/v1/community/numbers.xlsx': {
    calls: (_m, a) => [
      `${v1}/community/numbers.xlsx`,
      { probe: `${v1}/community/numbers.xlsx?placeCode=${a.community}` },
    ],
  },
  'GET /api/v1/community/todo': { calls: () => [`${v1}/community/todo`] },
  // 居民议事数据 (issue 17): per community in scope; A's community asked for by code is refused.
  'GET /api/v1/deliberation/numbers': {
    calls: (_m, a) => [`${v1}/deliberation/numbers`, { probe: `${v1}/deliberation/numbers?placeCode=${a.community}` }],
  },
  'GET /api/v1/deliberation/numbers.xlsx': {
    calls: (_m, a) => [
      `${v1}/deliberation/numbers.xlsx`,
      { probe: `${v1}/deliberation/numbers.xlsx?placeCode=${a.community}` },
    ],
  },
  // 居民议事待办 (issue 17): counts from each area's own lists, of the caller's scope only.
  'GET /api/v1/deliberation/todo': { calls: () => [`${v1}/deliberation/todo`] },
  // 社区生活 (issue 16): each area's lists as B's staff, and A's community or A's record asked for by code or id.
  ...lifeRows(),
  // 服务事项目录 (issue 15): one catalogue per county, the same for every community of it;
  // services-catalogue.test.ts proves another county sees none of it (404) and who may edit.
  // 文明户评选 (issue 17)
  'GET /api/v1/honours/campaigns': {
    calls: (_m, a) => [`${v1}/honours/campaigns`, `${v1}/honours/campaigns?placeCode=${a.community}`],
    shows: (x) => [x.honourTitle],
  },
  'GET /api/v1/honours/mine': { calls: () => [`${v1}/honours/mine`] },
  'GET /api/v1/honours/campaigns/{id}': {
    calls: (_m, a) => [{ probe: `${v1}/honours/campaigns/${a.honourCampaignId}` }],
  },
  'GET /api/v1/honours/campaigns/{id}/places': {
    calls: (_m, a) => [{ probe: `${v1}/honours/campaigns/${a.honourCampaignId}/places` }],
  },
  'GET /api/v1/honours/campaigns/{id}/panel-candidates': {
    calls: (_m, a) => [{ probe: `${v1}/honours/campaigns/${a.honourCampaignId}/panel-candidates` }],
  },
  'GET /api/v1/honours/campaigns/{id}/results.xlsx': {
    calls: (_m, a) => [{ probe: `${v1}/honours/campaigns/${a.honourCampaignId}/results.xlsx` }],
  },
  'GET /api/v1/honours/households/{code}': {
    calls: (mine, a) => [
      ...mine.map((x) => `${v1}/honours/households/${x.householdCode}`),
      { probe: `${v1}/honours/households/${a.householdCode}` },
    ],
  },
  'GET /api/v1/public/communities/{code}/honours': {
    skip: 'the public notice of a community by design: shortlists on notice and published honours, building and room with masked names, no stars history (decide-honours.md)',
  },
  'GET /api/v1/services/catalogue': { skip: 'reference data: the county’s service catalogue, no place rows' },
  'GET /api/v1/services/items/{id}': { skip: 'reference data: one item of the county’s catalogue' },
  'GET /api/v1/services/bundles/{id}': { skip: 'reference data: one bundle of the county’s catalogue' },
  'GET /api/v1/services/catalogue.xlsx': { skip: 'reference data: the county’s catalogue as Excel' },
  'GET /api/v1/public/services/catalogue': { skip: 'the public catalogue of a county: no place rows' },
  'GET /api/v1/public/services/items/{id}': { skip: 'the public view of an active item' },
  'GET /api/v1/public/services/bundles/{id}': { skip: 'the public view of an active bundle' },
  'GET /api/v1/public/services/samples/{id}': { skip: 'a sample (样表) of an active item, public by design' },
  'GET /api/v1/public/services/communities': {
    skip: 'the county’s community names, for a resident picking hers on the phone: public reference data, no codes',
  },
};

/** The body as text: JSON, or the cells of a sheet, or the words of a PDF. */
async function textOf(res: { status: number; body: any; headers: Headers }): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 200 && type.includes('spreadsheetml')) return (await readXlsx(res.body)).flat().join(' ');
  if (res.status === 200 && type.includes('pdf')) return pdfText(res.body);
  return typeof res.body === 'string'
    ? res.body
    : Buffer.isBuffer(res.body)
      ? res.body.toString('latin1')
      : JSON.stringify(res.body);
}

describe(`every list is scoped by the caller's places (${testEngine})`, () => {
  it('has a row in the table for every GET operation of the OpenAPI document', async () => {
    const doc = (await new Session(ctx).get('/api/openapi.json')).body;
    const operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m === 'get')
        .map(() => `GET ${path}`),
    );
    const missing = operations.filter((op) => !(op in table));
    expect(missing, `add a row with a fixture to test/api/scope-lists.test.ts for: ${missing.join(', ')}`).toEqual([]);
    expect(
      Object.keys(table).filter((op) => !operations.includes(op)),
      'rows for operations that no longer exist',
    ).toEqual([]);
  });

  for (const role of roles) {
    it(`${role.username} (${role.kind}) reads nothing of community A, and sees every community of theirs`, async () => {
      const s = await new Session(ctx).login(role.username);
      const secrets = secretsOf(A);
      const mine = role.sees();
      const problems: string[] = [];
      for (const [op, row] of Object.entries(table)) {
        if ('skip' in row || row.except?.kinds.includes(role.kind)) continue;
        let seen = '';
        let counted = 0;
        for (const call of row.calls(mine, A, role.kind)) {
          const path = typeof call === 'string' ? call : call.probe;
          const res = await s.get(path);
          const text = await textOf(res);
          if (res.status >= 500) problems.push(`${op}: ${path} → ${res.status}`);
          if (typeof call !== 'string' && ![403, 404].includes(res.status))
            problems.push(`${op}: ${path} → ${res.status}, expected 403/404`);
          const leaked = secrets.filter((m) => text.includes(m));
          if (leaked.length) problems.push(`${op}: ${path} shows A's ${leaked.join(', ')}`);
          if (typeof call === 'string' && res.status === 200) {
            seen += text;
            if (row.count) counted += row.count(res.body);
          }
        }
        if ((row.seenBy ?? ['worker', 'officer']).includes(role.kind)) {
          const expected = mine.flatMap((x) => row.shows?.(x) ?? []);
          const missing = expected.filter((m) => !seen.includes(m));
          if (missing.length) problems.push(`${op}: does not show ${missing.join(', ')}`);
          if (row.count && counted !== mine.length)
            problems.push(`${op}: counts ${counted} rows, expected ${mine.length}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

type Request = [method: string, path: string, body: unknown];
interface Write {
  /** Who sends it (a user of community B or street 乙). */
  as?: string;
  /** The request naming `x`'s things; built just before it is sent (it may make a fresh case of B's first). */
  request: (x: Fixture, s: Session) => Promise<Request> | Request;
  /** What the request would change: must read the same after a refusal. */
  saved: () => Promise<unknown>;
}
const rows = (table: keyof import('../../src/server/platform/db/schema.js').Database) => () =>
  countRows(ctx.deps.db, table);
const freshCase = async (s: Session, state: 'submitted' | 'accepted') => {
  const id = ok(
    await s.post('/api/v1/cases', { channel: 'walkIn', placeCode: B.grid, description: '单元门禁损坏，无法关闭' }),
  ).body.id as string;
  if (state === 'accepted') ok(await s.post(`/api/v1/cases/${id}/actions/accept`, {}));
  return id;
};

/**
 * Every operation that takes ids or codes of scoped things in its body. Sent by B's staff with A's
 * thing it is refused (403/404/422) and changes nothing; with B's own it succeeds — so the refusal
 * is about scope, not a malformed request. Not here: photo and signature ids (files have their own
 * rule), a department handing a task to a community and a resident asking a community's legal
 * adviser (both reach every community of the county by design), dispatching to a department (the
 * county's departments serve every community).
 */
const writes: Record<string, Write> = {
  'a dispute party’s residentId': {
    request: (x) => [
      'POST',
      '/api/v1/disputes',
      {
        placeCode: B.community,
        disputeType: 'neighbour',
        summary: '楼道堆放杂物引发争执',
        source: 'walk_in',
        risk: 'low',
        parties: [{ role: 'applicant', name: '登记居民', residentId: x.residentId }],
      },
    ],
    saved: rows('dispute_parties'),
  },
  'a dispute’s caseId': {
    request: (x) => [
      'POST',
      '/api/v1/disputes',
      {
        caseId: x.caseId,
        disputeType: 'neighbour',
        summary: '由案件转为矛盾纠纷',
        source: 'case',
        risk: 'low',
        parties: [{ role: 'applicant', name: '报事人' }],
      },
    ],
    saved: rows('disputes'),
  },
  'a whistle’s caseId': {
    request: (x) => [
      'POST',
      '/api/v1/whistles',
      { caseId: x.caseId, subject: '再次召集', request: '请到场', departmentCodes: [B.dept.code] },
    ],
    saved: rows('whistles'),
  },
  'a whistle’s placeCode': {
    request: (x) => [
      'POST',
      '/api/v1/whistles',
      { placeCode: x.community, subject: '小区消防通道堵塞', request: '请到场', departmentCodes: [B.dept.code] },
    ],
    saved: rows('whistles'),
  },
  'a whistle’s adviserIds': {
    request: (x) => [
      'POST',
      '/api/v1/whistles',
      { caseId: B.caseId, subject: '请法律顾问到场', request: '讲解法律', adviserIds: [x.users.adviser.id] },
    ],
    saved: rows('whistles'),
  },
  'a dispute whistle’s adviserIds': {
    request: (x) => [
      'POST',
      `/api/v1/disputes/${B.disputeId}/whistle`,
      { request: '请法律顾问到场', adviserIds: [x.users.adviser.id] },
    ],
    saved: rows('whistles'),
  },
  'a visit’s householdCode': {
    request: (x) => [
      'POST',
      '/api/v1/visit-logs',
      { id: randomUUID(), householdCode: x.householdCode, content: '走访了解情况' },
    ],
    saved: rows('visit_logs'),
  },
  'a resident’s householdCode': {
    request: (x) => ['POST', '/api/v1/residents', { householdCode: x.householdCode, name: '新登记居民' }],
    saved: rows('residents'),
  },
  'a move’s householdCode': {
    request: (x) => ['POST', `/api/v1/residents/${B.residentId}/move`, { householdCode: x.spareHousehold }],
    saved: rows('resident_events'),
  },
  'a party member’s residentId': {
    request: (x) => ['POST', '/api/v1/party-members', { residentId: x.residentId, partyOrgId: B.partyOrgId }],
    saved: async () =>
      await ctx.deps.db
        .selectFrom('party_members')
        .select(['resident_id', 'party_org_id'])
        .orderBy('resident_id')
        .execute(),
  },
  'a party member’s partyOrgId': {
    request: (x) => ['POST', '/api/v1/party-members', { residentId: B.residentId, partyOrgId: x.partyOrgId }],
    saved: async () =>
      await ctx.deps.db
        .selectFrom('party_members')
        .select(['resident_id', 'party_org_id'])
        .orderBy('resident_id')
        .execute(),
  },
  'a volunteer’s residentId': {
    request: (x) => ['POST', '/api/v1/volunteers', { residentId: x.residentId, skills: ['理发'] }],
    saved: rows('volunteers'),
  },
  '双报到 residentId': {
    request: (x) => [
      'POST',
      '/api/v1/in-service-members',
      { residentId: x.residentId, workUnit: '县医院', communityCode: B.community },
    ],
    saved: rows('in_service_members'),
  },
  '双报到 communityCode': {
    request: (x) => [
      'POST',
      '/api/v1/in-service-members',
      { residentId: B.residentId, workUnit: '县医院', communityCode: x.community },
    ],
    saved: async () =>
      await ctx.deps.db
        .selectFrom('in_service_members')
        .select(['resident_id', 'community_id', 'work_unit'])
        .orderBy('resident_id')
        .execute(),
  },
  'an organisation’s placeCode': {
    request: (x) => [
      'POST',
      '/api/v1/organisations',
      { kind: 'social_org', name: '夕阳红协会', placeCode: x.community },
    ],
    saved: rows('organisations'),
  },
  'a party organisation’s placeCode': {
    request: (x) => [
      'POST',
      '/api/v1/party-orgs',
      { name: '第二党总支', kind: 'community_branch', placeCode: x.community, parentId: x.streetOrgId },
    ],
    saved: rows('party_orgs'),
  },
  'a party organisation’s parentId': {
    request: (x) => [
      'POST',
      '/api/v1/party-orgs',
      { name: '网格党支部', kind: 'grid_branch', placeCode: B.grid, parentId: x.partyOrgId },
    ],
    saved: rows('party_orgs'),
  },
  'a case’s placeCode': {
    request: (x) => [
      'POST',
      '/api/v1/cases',
      { channel: 'walkIn', placeCode: x.grid, description: '路面破损需要修补' },
    ],
    saved: rows('cases'),
  },
  'a dispatch to a grid worker': {
    request: async (x, s) => [
      'POST',
      `/api/v1/cases/${await freshCase(s, 'accepted')}/actions/dispatch`,
      { target: { kind: 'user', id: x.users.grid.id } },
    ],
    saved: rows('case_events'),
  },
  'a dispatch to a volunteer team': {
    request: async (x, s) => [
      'POST',
      `/api/v1/cases/${await freshCase(s, 'accepted')}/actions/dispatch`,
      { target: { kind: 'team', id: x.teamId } },
    ],
    saved: rows('case_events'),
  },
  // 救助顾问 (issue 15)
  'an assistance visit’s residentId': {
    request: (x) => [
      'POST',
      '/api/v1/services/assistance/visits',
      { residentId: x.residentId, mode: 'phone', kinds: ['policy'], note: '电话询问近况', visitedOn: '2026-11-24' },
    ],
    saved: rows('assist_visits'),
  },
  'an assistance assignment’s teamId': {
    request: (x) => [
      'PUT',
      `/api/v1/services/assistance/people/${B.residentId}/assignment`,
      { teamId: x.assistTeamId, leadUserId: null },
    ],
    saved: async () =>
      await ctx.deps.db
        .selectFrom('assist_assignments')
        .select(['resident_id', 'team_id', 'lead_user_id'])
        .orderBy('resident_id')
        .execute(),
  },
  'an assistance team’s member userId': {
    request: (x) => [
      'POST',
      '/api/v1/services/assistance/teams',
      {
        communityCode: B.community,
        name: '第二救助顾问服务团',
        members: [{ userId: x.users.grid.id, kind: 'social_worker' }],
      },
    ],
    saved: rows('assist_teams'),
  },
  'an assistance team’s id': {
    request: (x) => ['PUT', `/api/v1/services/assistance/teams/${x.assistTeamId}`, { name: '改名的顾问团' }],
    saved: async () =>
      (await ctx.deps.db.selectFrom('assist_teams').select('name').orderBy('id').execute()).map((r) => r.name),
  },
  'a volunteer team’s id': {
    request: (x) => ['PUT', `/api/v1/volunteer-teams/${x.teamId}`, { name: '改名的服务队' }],
    saved: async () =>
      (await ctx.deps.db.selectFrom('volunteer_teams').select('name').orderBy('id').execute()).map((r) => r.name),
  },
  'a rejection as duplicate of a case': {
    request: async (x, s) => [
      'POST',
      `/api/v1/cases/${await freshCase(s, 'submitted')}/actions/reject`,
      { kind: 'duplicate', duplicateOf: x.caseCode, reason: '重复反映' },
    ],
    saved: rows('case_events'),
  },
  'the on-duty roster’s userId': {
    request: (x) => [
      'PUT',
      '/api/v1/duty-roster',
      { communityCode: B.community, userId: x.users.grid.id, weekdays: [1, 2, 3] },
    ],
    saved: rows('duty_roster'),
  },
  'the on-duty roster’s communityCode': {
    request: (x) => [
      'PUT',
      '/api/v1/duty-roster',
      { communityCode: x.community, userId: B.users.grid.id, weekdays: [1, 2, 3] },
    ],
    saved: rows('duty_roster'),
  },
  'a place’s parentCode': {
    request: (x) => [
      'POST',
      '/api/v1/places',
      { parentCode: x.unitCode, kind: 'household', name: '501', localCode: '501', address: '5楼' },
    ],
    saved: rows('places'),
  },
  'a grid’s communityCode': {
    as: 'officerQXS2',
    request: (x) => [
      'POST',
      '/api/v1/grids',
      {
        communityCode: x.community,
        name: '新网格',
        gridKind: 'comprehensive',
        boundary: square(110 + Math.random(), 30),
      },
    ],
    saved: rows('places'),
  },
};

describe(`ids in a body must lie in the caller's scope (${testEngine})`, () => {
  for (const [what, write] of Object.entries(writes)) {
    it(`refuses ${what} of another community, and saves nothing`, async () => {
      const s = await new Session(ctx).login(write.as ?? 'workerQXB');
      const [method, path, body] = await write.request(A, s);
      const before = await write.saved();
      const refused = await s.request(method, path, body);
      expect([400, 403, 404, 422], JSON.stringify(refused.body)).toContain(refused.status);
      expect(await write.saved()).toEqual(before);
      const own = await s.request(...(await write.request(B, s)));
      expect([200, 201, 204], JSON.stringify(own.body)).toContain(own.status);
    });
  }
});

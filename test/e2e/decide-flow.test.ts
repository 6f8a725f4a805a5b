import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  desktop,
  launchBrowser,
  loginConsole,
  loginPhone,
  phone,
  screenshot,
  watchErrors,
  pageApi,
} from './browser.js';

// 居民议事 as one story (issue 17), in 和平社区: the resident 黄玉兰 raises a topic on her 390×844 phone;
// two neighbours second it past the community's threshold (set to 2 by the worker); the worker accepts
// it in the console and puts it on a meeting's agenda; the meeting records positions and a decision
// put to a yes/no/abstain vote; a resident votes on his phone; the worker closes the vote in the console; the result
// is published as a 五公开 notice (drafted by `community`, approved by `street` in the console) that
// she reads; the decision's task is done and the follow-up reported; her topic page shows the trail.
// API steps (with the page's cookies and CSRF token) are set-up whose UI is covered elsewhere or by the
// console pages' own use of the same endpoints — each is marked `API:`.

const baseUrl = inject('baseUrl');
const tag = Math.random().toString(36).slice(2, 7);
const story = {
  title: `小区东门加装雨棚（${tag}）`,
  topicId: '',
  meetingId: '',
  itemId: '',
  voteId: '',
  decision: `在东门加装雨棚，费用由公共收益列支（${tag}）`,
  notice: `东门加装雨棚表决结果公示（${tag}）`,
};

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function newPage(kind: 'phone' | 'console'): Promise<Page> {
  const context = await browser.newContext(
    kind === 'phone'
      ? { viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: desktop, locale: 'zh-CN' },
  );
  contexts.push(context);
  return context.newPage();
}

const api = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
  pageApi<T>(page, baseUrl, method, path, data);

let resident: Page;
let residentErrors: string[] = [];
let worker: Page;
let workerErrors: string[] = [];

async function second(username: string) {
  const page = await newPage('phone');
  const errors = watchErrors(page);
  await loginPhone(page, baseUrl, username);
  await page.goto(`${baseUrl}/m/topics/${story.topicId}`);
  await page.getByTestId('topic-second').click();
  await expect.poll(() => page.getByTestId('topic-second').count()).toBe(0);
  expect(errors).toEqual([]);
  return page;
}

describe('居民议事: a resident’s topic followed to its decision, vote, notice and follow-up', () => {
  it('the worker sets 和平社区’s threshold to two seconds; the resident raises a topic on her phone', async () => {
    worker = await newPage('console');
    workerErrors = watchErrors(worker);
    await loginConsole(worker, baseUrl, 'community');
    // API: the threshold (the console's 附议门槛 page uses the same PUT).
    const { items } = await api<{ items: { communityId: string; communityName: string }[] }>(
      worker,
      'GET',
      '/deliberation/topics/settings',
    );
    const heping = items.find((s) => s.communityName === '和平社区')!;
    await api(worker, 'PUT', `/deliberation/topics/settings/${heping.communityId}`, { secondsToAgenda: 2 });

    resident = await newPage('phone');
    residentErrors = watchErrors(resident);
    await loginPhone(resident, baseUrl, 'resident');
    await resident.goto(`${baseUrl}/m/topics`);
    await resident.getByTestId('topic-raise').click();
    await resident.getByTestId('h5-topic-new').waitFor();
    await resident.getByTestId('topic-place').first().click();
    await resident.getByTestId('topic-title').locator('input').fill(story.title);
    await resident
      .getByTestId('topic-body')
      .locator('textarea')
      .fill('下雨天东门口积水，老人进出容易滑倒，建议加装雨棚。');
    await resident.getByTestId('topic-submit').click();
    await resident.getByTestId('h5-topic').waitFor();
    story.topicId = new URL(resident.url()).pathname.split('/').pop()!;
    await expect.poll(() => resident.getByTestId('topic-state').textContent()).toContain('附议');
    await screenshot(resident, 'decide-flow-topic-raised');
  });

  it('two neighbours second it on their phones and it goes to screening', async () => {
    await second('party');
    await second('volunteer');
    await resident.reload();
    await expect.poll(() => resident.getByTestId('topic-seconds').textContent()).toContain('2');
    await expect.poll(() => resident.getByTestId('topic-state').textContent()).toContain('审');
  });

  it('the worker accepts it in the console and puts it on a meeting’s agenda', async () => {
    await worker.goto(`${baseUrl}/decide/topics/${story.topicId}`);
    await worker.getByTestId('topic-accept').click();
    await worker
      .locator('.el-message-box__input textarea, .el-message-box__input input')
      .first()
      .fill('涉及全体居民，提交议事会议');
    await worker.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => worker.getByTestId('topic-state').textContent()).toContain('已采纳');

    // API: plan the meeting (the console's 新建会议 form posts the same body).
    const meeting = await api<{ id: string }>(worker, 'POST', '/deliberation/meetings', {
      placeCode: '610899001001',
      kind: 'residents_talk',
      title: `居民说事会（${tag}）`,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      location: '社区党群服务中心二楼',
    });
    story.meetingId = meeting.id;
    // 列入议程 in the console: the meeting page's topic picker lists the accepted topic.
    await worker.goto(`${baseUrl}/decide/meetings/${meeting.id}`);
    await worker.getByTestId('decide-meeting').getByRole('button', { name: '列入议程' }).click();
    await worker.locator('.candidate', { hasText: story.title }).getByRole('button', { name: '列入议程' }).click();
    await worker.keyboard.press('Escape');
    // API: start the meeting (its 开始 button).
    const started = await api<{ items: { id: string; topicId: string }[] }>(
      worker,
      'POST',
      `/deliberation/meetings/${meeting.id}/start`,
      {},
    );
    story.itemId = started.items.find((a) => a.topicId === story.topicId)!.id;
    await worker.reload();
    await expect.poll(() => worker.getByTestId('agenda-item-1').textContent()).toContain(story.title);
  });

  it('the meeting records positions and a decision put to a vote; a resident votes on his phone', async () => {
    // API: the minutes (the agenda item's 会议记录 dialog sends this body).
    await api(worker, 'PUT', `/deliberation/agenda-items/${story.itemId}/minutes`, {
      summary: '各方同意加装雨棚，交居民表决。',
      positions: [
        { partyKind: 'community', text: '支持，协调物业施工。' },
        { partyKind: 'residents', text: '老人多，希望尽快装。' },
      ],
    });
    await worker.reload();
    // 形成决议 in the console, put to a yes/no/abstain vote of the community's residents.
    await worker.getByTestId('agenda-item-1').getByRole('button', { name: '形成决议' }).click();
    const dialog = worker.getByRole('dialog', { name: '形成决议' });
    await dialog.locator('textarea').fill(story.decision);
    await dialog.getByText('提交居民表决').click();
    await dialog.locator('.el-input-number input').fill('0');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => worker.getByTestId('agenda-item-1').textContent()).toContain(story.decision);
    const meeting = await api<{ items: { id: string; vote: { id: string } | null }[] }>(
      worker,
      'GET',
      `/deliberation/meetings/${story.meetingId}`,
    );
    story.voteId = meeting.items.find((a) => a.id === story.itemId)!.vote!.id;
    const item = worker.getByTestId('agenda-item-1');
    await expect(item.textContent()).resolves.toContain('老人多，希望尽快装。');
    // The decision's vote, a draft until the worker opens it on its 表决 page.
    await worker.goto(`${baseUrl}/decide/votes/${story.voteId}`);
    await worker.getByTestId('decide-vote').getByRole('button', { name: '开始表决' }).click();
    await worker.getByTestId('vote-close').waitFor();

    // 冯建军 is on the roll (his phone is on his registry record); he votes on his phone.
    // (The demo's 黄玉兰 is not: no registry record carries her login phone — see the report.)
    const voter = await newPage('phone');
    const voterErrors = watchErrors(voter);
    await loginPhone(voter, baseUrl, 'party');
    await voter.goto(`${baseUrl}/m/votes`);
    await voter.getByTestId('h5-votes').getByText(story.title).first().click();
    await voter.getByTestId('h5-vote').waitFor();
    await voter.locator('.vote-page__option', { hasText: '同意' }).first().click();
    await voter.getByTestId('vote-submit').click();
    await voter.locator('.van-dialog__confirm').click();
    await voter.getByTestId('vote-receipt').waitFor();
    await screenshot(voter, 'decide-flow-voted');
    expect(voterErrors).toEqual([]);
  });

  it('the worker closes the vote in the console; the result is published as a notice that the resident reads', async () => {
    await worker.reload();
    await worker.getByTestId('vote-close').click();
    await worker.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => worker.getByTestId('vote-result').textContent()).toContain('同意');

    // API: the draft (the notice editor is covered by the notices area); submitted for approval.
    const { items: places } = await api<{ items: { id: string; name: string }[] }>(worker, 'GET', '/notices/places');
    const notice = await api<{ id: string }>(worker, 'POST', '/notices', {
      kind: 'affairs',
      title: story.notice,
      body: `经居民说事会议决并表决通过：${story.decision}。`,
      placeId: places.find((p) => p.name === '和平社区')!.id,
    });
    await api(worker, 'POST', `/notices/${notice.id}/submit`, {});

    // The street officer approves it in the console — four eyes: not the worker who drafted it.
    const street = await newPage('console');
    const streetErrors = watchErrors(street);
    await loginConsole(street, baseUrl, 'street');
    await street.goto(`${baseUrl}/decide/notices/${notice.id}`);
    await street.getByTestId('notice-approve').click();
    await street.locator('.el-message-box__btns .el-button--primary').click();
    await expect.poll(() => street.getByTestId('notice-state').textContent()).toContain('已发布');
    expect(streetErrors).toEqual([]);

    await resident.goto(`${baseUrl}/m/notices`);
    await resident.getByTestId('notice-row').filter({ hasText: story.notice }).first().click();
    await resident.getByTestId('h5-notice').waitFor();
    await expect.poll(() => resident.getByTestId('h5-notice').textContent()).toContain(story.decision);
  });

  it('the decision’s task is done and reported back; the resident sees the whole trail', async () => {
    // API: a task, done, and the follow-up (the agenda item's 任务 / 办结 / 反馈 dialogs).
    const owners = await api<{ users: { id: string }[] }>(
      worker,
      'GET',
      `/deliberation/meetings/${story.meetingId}/owners`,
    );
    const withTask = await api<{ items: { id: string; tasks: { id: string }[] }[] }>(
      worker,
      'POST',
      `/deliberation/agenda-items/${story.itemId}/tasks`,
      {
        title: '联系物业安装东门雨棚',
        kind: 'task',
        ownerUserId: owners.users[0]!.id,
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    );
    const taskId = withTask.items.find((a) => a.id === story.itemId)!.tasks[0]!.id;
    await api(worker, 'POST', `/deliberation/tasks/${taskId}/done`, { report: '雨棚已装好，已验收。' });
    await api(worker, 'POST', `/deliberation/agenda-items/${story.itemId}/follow-up`, {
      report: '东门雨棚已于本周安装完成，欢迎居民监督。',
    });

    await resident.goto(`${baseUrl}/m/topics/${story.topicId}`);
    const trail = resident.getByTestId('topic-trail');
    await expect.poll(() => trail.textContent()).toContain('东门雨棚已于本周安装完成');
    const text = (await trail.textContent()) ?? '';
    expect(text).toContain(story.decision);
    expect(text).toContain('表决结果：通过');
    await expect(resident.getByTestId('topic-state').textContent()).resolves.toContain('办结');
    await trail.scrollIntoViewIfNeeded();
    await screenshot(resident, 'decide-flow-trail');
    expect(residentErrors).toEqual([]);
    expect(workerErrors).toEqual([]);
  });
});

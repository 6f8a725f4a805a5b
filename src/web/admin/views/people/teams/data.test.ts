import { describe, expect, it } from 'vitest';
import type { VolunteerTeam } from '../../../../common/api-types';
import { candidateLabel, issueLines, matchesTeam, memberNames, peopleInput, teamSize } from './data';

const team = (over: Partial<VolunteerTeam> = {}): VolunteerTeam => ({
  id: 't1',
  name: '和平社区助老服务队',
  phone: '',
  place: { code: '001', name: '和平社区' },
  leader: { id: 'u1', name: '郑小红' },
  members: [
    { id: 'u2', name: '王大明', phone: null },
    { id: 'u3', name: '李秀英', phone: '138****0000' },
  ],
  ...over,
});

describe('volunteer team list helpers', () => {
  it('counts the leader and each member once, also when the leader is listed as a member', () => {
    expect(teamSize(team())).toBe(3);
    expect(teamSize(team({ members: [{ id: 'u1', name: '郑小红', phone: null }] }))).toBe(1);
    expect(teamSize(team({ leader: null, members: [] }))).toBe(0);
  });

  it('lists the members without the leader, or a dash', () => {
    expect(memberNames(team(), '、')).toBe('王大明、李秀英');
    expect(memberNames(team({ members: [{ id: 'u1', name: '郑小红', phone: null }] }), '、')).toBe('—');
  });

  it('finds a team by its name, place, leader or a member', () => {
    expect(matchesTeam(team(), '')).toBe(true);
    expect(matchesTeam(team(), '助老')).toBe(true);
    expect(matchesTeam(team(), '郑小红')).toBe(true);
    expect(matchesTeam(team(), '李秀英')).toBe(true);
    expect(matchesTeam(team(), '幸福')).toBe(false);
  });

  it('sends the leader apart and never also as a member', () => {
    expect(peopleInput('u1', ['u2', 'u1', 'u2'])).toEqual({ leaderUserId: 'u1', memberUserIds: ['u2'] });
    expect(peopleInput('', ['u2'])).toEqual({ leaderUserId: null, memberUserIds: ['u2'] });
  });

  it('labels a candidate by name, phone and place, skipping what is missing', () => {
    expect(candidateLabel({ id: 'u1', name: '郑小红', phone: '139****1234', place: '和平社区' })).toBe(
      '郑小红 · 139****1234 · 和平社区',
    );
    expect(candidateLabel({ id: 'u1', name: '郑小红', phone: null, place: '和平社区' })).toBe('郑小红 · 和平社区');
  });

  it('says each refused field by its name, and tolerates details of another shape', () => {
    const label = (path: string) => ({ name: '队名', leaderUserId: '队长' })[path] ?? '';
    const details = {
      issues: [
        { path: 'name', message: '含有不可见的控制字符，请删除后重试' },
        { path: 'leaderUserId', message: '此人不是该社区或街道的志愿者账号' },
        { path: 'other', message: '其他原因' },
      ],
    };
    expect(issueLines(details, label)).toEqual([
      '队名：含有不可见的控制字符，请删除后重试',
      '队长：此人不是该社区或街道的志愿者账号',
      '其他原因',
    ]);
    expect(issueLines(undefined, label)).toEqual([]);
    expect(issueLines({ issues: 'x' }, label)).toEqual([]);
    expect(issueLines({ issues: [null, { path: 'name' }] }, label)).toEqual([]);
  });
});

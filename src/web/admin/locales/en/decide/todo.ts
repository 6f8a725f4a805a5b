import type zh from '../../zh-CN/decide/todo';

// Deliberation to-do (issue 17): the workbench's deliberation cards.
export default {
  title: 'Deliberation to-do',
  sub: 'Today {day}',
  none: 'Nothing waiting in deliberation',
  open: 'Open',
  kind: {
    topicsToScreen: { title: 'Topics to screen', desc: 'Seconded or raised by the community: accept or not' },
    tasksDue: { title: 'Decision tasks due', desc: 'Meeting tasks due today or overdue, not done' },
    noticesToApprove: { title: 'Notices to approve', desc: 'Submitted public notices, published once approved' },
    objectionsToAnswer: { title: 'Objections to answer', desc: 'Residents’ objections during publicity, unanswered' },
    votesToClose: { title: 'Votes past closing', desc: 'Still open after their closing time: close to count' },
    issuesToHandle: {
      title: 'Supervisors’ issues',
      desc: 'Issues found by supervisors: make a case or blow a whistle',
    },
  },
} satisfies typeof zh;

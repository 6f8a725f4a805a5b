// Volunteer teams (console, issue 14): merged into the console's messages as `teams`.
export default {
  menu: 'Volunteer teams',
  title: 'Volunteer teams',
  total: '{n} teams',
  intro:
    'A community or street sets up volunteer teams for home service: when dispatching a case you may choose a volunteer team; its leader and members take and handle it on their phones; by default the result is checked on site before the reporter rates it.',
  searchPlaceholder: 'Search team, leader or member',
  add: 'New team',
  edit: 'Edit',
  addTitle: 'New volunteer team',
  editTitle: 'Edit: {name}',
  empty: 'No volunteer teams yet. Once a team exists, cases can be dispatched to it for home service.',
  noMatch: 'No team matches',
  people: '{n} people',
  noLeader: 'No leader',
  columns: {
    name: 'Team',
    place: 'Community / street',
    leader: 'Leader',
    members: 'Members',
    size: 'People',
    phone: 'Phone',
    actions: 'Actions',
  },
  fields: { place: 'Area', name: 'Name', phone: 'Phone', leader: 'Leader', members: 'Members' },
  placeHint: 'Choose a community or a street (teams belong to one of these)',
  namePlaceholder: 'e.g. Heping elderly-care team',
  leaderPlaceholder: 'Choose from the volunteer accounts here',
  membersPlaceholder: 'Choose one or more',
  noCandidates: 'No volunteer accounts here yet',
  noCandidatesHere:
    'This community or street has no volunteer accounts yet: the team can be created, but nobody can be put in it.',
  accountsHint:
    'The leader and members need a login account with the volunteer role in this community or street; accounts are made under Users. People on the volunteer roll without an account need one first.',
  toUsers: 'Go to Users',
};

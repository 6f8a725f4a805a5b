import type zh from '../zh-CN/assist';

// Assistance advisers on the phone, in English.
const en: typeof zh = {
  entry: { name: 'Assistance', desc: 'Visit people in hardship' },
  title: 'Assistance advisers',
  intro: 'People in hardship in your teams’ care, the longest without contact first; over {days} days is overdue.',
  empty: 'You are on no adviser team yet, or your team has nobody in its care.',
  never: 'Never contacted',
  daysAgo: 'Contacted {n} days ago',
  overdue: 'Overdue',
  lead: 'Lead: {name}',
  logVisit: 'Log a visit',
  visitTitle: 'Log a visit',
  mode: 'How',
  kinds: 'Help given',
  note: 'Notes',
  notePlaceholder: 'What you found, the help given, what comes next',
  visitedOn: 'Date',
  submit: 'Save',
  saved: 'Saved',
  rules: { kinds: 'Choose at least one kind of help', note: 'Write what you found (2 characters or more)' },
  recent: 'Recent visits',
  kind: {
    policy: 'Policy guidance',
    errand: 'Errands on their behalf',
    pairing: 'Pairing and care',
    resources: 'Linking resources',
    counselling: 'Counselling',
    integration: 'Social integration',
  },
  modes: { visit: 'Home visit', phone: 'Phone call', office: 'At the office' },
};
export default en;

import type zh from '../zh-CN/legal';

// Legal questions (console, legal advisers): merged into the console's messages as `legal`.
const en: typeof zh = {
  menu: 'Legal questions',
  title: 'Legal questions to answer',
  tabs: { open: 'To answer', answered: 'Answered', all: 'All' },
  empty: 'No questions',
  columns: {
    question: 'Question',
    asker: 'Asked by',
    createdAt: 'Asked',
    due: 'Answer due',
    state: 'State',
    public: 'Public',
  },
  state: { open: 'Waiting', answered: 'Answered' },
  publicYes: 'May be public',
  publicNo: 'Private',
  answer: 'Answer',
  answerTitle: 'Answer the question',
  answerLabel: 'Answer',
  answerPlaceholder: 'Answer in plain words (5 characters or more)',
  answerRequired: 'Please write the answer (5 characters or more)',
  answered: 'Answered',
  answeredBy: 'Answered by {name} at {time}',
  publicHint: 'The asker agreed: once answered it appears in the public FAQ (without the asker)',
  cancel: 'Cancel',
  submit: 'Send answer',
};
export default en;

import type zh from '../zh-CN/legal';

// Legal questions on the phone: merged into the phone messages as `legal`.
const en: typeof zh = {
  entry: { name: 'Legal advice', desc: 'Answered within 24 hours' },
  title: 'Legal advice',
  tabs: { answer: 'To answer', ask: 'Ask', mine: 'My questions', faq: 'FAQ' },
  community: 'Community',
  question: 'Question',
  questionPlaceholder: 'Describe the problem (5 characters or more); no ID numbers or other private data',
  public: 'The answer may be public (without my name) to help neighbours',
  submit: 'Ask',
  submitted: 'Sent; the legal adviser answers before {time}',
  rules: {
    community: 'Please choose your community',
    question: 'Please write your question (5 characters or more)',
    answer: 'Please write the answer (5 characters or more)',
  },
  queueEmpty: 'No questions waiting for an answer',
  isPublic: 'public (the resident agreed)',
  isPrivate: 'private to the resident',
  answer: 'Answer',
  answerPlaceholder: 'Explain the law and what the resident can do, in plain words',
  answerSubmit: 'Send the answer',
  answerSent: 'Answered; the resident sees it under My questions',
  empty: 'No questions yet',
  waiting: 'Waiting · {left}',
  answered: 'Answered',
  answeredBy: '{name} · {time}',
  faqSearch: 'Search questions',
  faqEmpty: 'Nothing found',
};
export default en;

import type { VoteDraft } from '../../../../common/api/decide-votes';

// 表决's console helpers: the create form's fields and what they send, and times shown in Beijing time.

export interface VoteForm {
  placeCode: string;
  title: string;
  description: string;
  method: 'yes_no_abstain' | 'options';
  optionsText: string;
  maxChoices: number;
  seats: number;
  electorate: 'residents' | 'households';
  secret: boolean;
  channels: ('phone' | 'paper')[];
  quorumPercent: number;
  majority: 'simple' | 'absolute' | 'two_thirds';
  opensAt: Date | null;
  closesAt: Date | null;
}

export const emptyForm = (): VoteForm => ({
  placeCode: '',
  title: '',
  description: '',
  method: 'yes_no_abstain',
  optionsText: '',
  maxChoices: 1,
  seats: 1,
  electorate: 'residents',
  secret: true,
  channels: ['phone', 'paper'],
  quorumPercent: 50,
  majority: 'simple',
  opensAt: null,
  closesAt: new Date(Date.now() + 7 * 86_400_000),
});

export const draftOf = (f: VoteForm): VoteDraft => ({
  placeCode: f.placeCode,
  title: f.title,
  description: f.description,
  method: f.method,
  options:
    f.method === 'options'
      ? f.optionsText
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  maxChoices: f.method === 'options' ? f.maxChoices : 1,
  seats: f.method === 'options' ? f.seats : 1,
  electorate: f.electorate,
  secret: f.secret,
  allowPhone: f.channels.includes('phone'),
  allowPaper: f.channels.includes('paper'),
  quorumPercent: f.quorumPercent,
  majority: f.majority,
  opensAt: f.opensAt ? f.opensAt.toISOString() : null,
  closesAt: (f.closesAt ?? new Date()).toISOString(),
});

export const shownAt = (iso: string | null, locale: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale, {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    : '—';

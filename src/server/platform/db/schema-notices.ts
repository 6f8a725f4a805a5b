import type { ColumnType, Generated } from 'kysely';
import type { FinanceLine, NoticeKind, NoticeState } from '../../../shared/decide-notices.js';

// Kysely's view of the notices tables (0045_notices.sql, issue 17); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint: PostgreSQL drivers hand it back as text; the repository turns it into a number. */
type BigCount = ColumnType<string | number, number | undefined, number>;

export interface PublicNoticesTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_id: string;
  place_path: string;
  kind: NoticeKind;
  title: string;
  body: string;
  attachment_ids: Generated<string[]>;
  finance_lines: ColumnType<FinanceLine[], string, string>;
  income_fen: BigCount;
  expense_fen: BigCount;
  balance_fen: BigCount;
  state: NoticeState;
  author_id: string;
  last_edited_by: string;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  published_at: Timestamp | null;
  published_year: number | null;
  return_reason: string | null;
  withdraw_reason: string | null;
  withdrawn_at: Timestamp | null;
  anonymous_views: BigCount;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicNoticeEventsTable {
  id: string;
  tenant_id: string;
  notice_id: string;
  action: 'create' | 'edit' | 'submit' | 'approve' | 'return' | 'withdraw';
  from_state: NoticeState | null;
  to_state: NoticeState;
  actor_id: string;
  reason: string | null;
  at: Timestamp;
}

export interface PublicNoticeReadsTable {
  notice_id: string;
  user_id: string;
  tenant_id: string;
  read_at: Timestamp;
}

export interface NoticesDatabase {
  public_notices: PublicNoticesTable;
  public_notice_events: PublicNoticeEventsTable;
  public_notice_reads: PublicNoticeReadsTable;
}

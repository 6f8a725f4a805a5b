import type { ColumnType, Generated } from 'kysely';
import type { TopicParty, TopicState } from '../../../shared/decide.js';

// Kysely's view of 0042_decide_topics.sql: a topic's own history; keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface DeliberationTopicEventsTable {
  id: string;
  tenant_id: string;
  topic_id: string;
  /** a TopicAction, or 'raise' */
  action: string;
  from_state: TopicState | null;
  to_state: TopicState;
  by_party: TopicParty;
  by_user_id: string | null;
  note: Generated<string>;
  at: Timestamp;
}

export interface TopicsDatabase {
  deliberation_topic_events: DeliberationTopicEventsTable;
}

-- Monthly rollup over the daily one (issue 19): a year view reads whole months here and only its
-- edge days from case_daily. The same key as case_daily with the month's first day for the day,
-- kept right in the same transaction as case_daily, rebuilt with it by `linli stats rebuild`.
CREATE TABLE case_monthly (
  tenant_id            text NOT NULL,
  month                date NOT NULL,                   -- the first day of the month (Asia/Shanghai days)
  place_id             uuid NOT NULL,
  place_path           text NOT NULL,
  category_code        text NOT NULL,
  channel              text NOT NULL,
  department_key       text NOT NULL DEFAULT '',
  received             integer NOT NULL DEFAULT 0,
  valid                integer NOT NULL DEFAULT 0,
  contacted            integer NOT NULL DEFAULT 0,
  contacted_on_time    integer NOT NULL DEFAULT 0,
  contact_minutes      bigint NOT NULL DEFAULT 0,
  resolved             integer NOT NULL DEFAULT 0,
  resolved_on_time     integer NOT NULL DEFAULT 0,
  resolve_minutes      bigint NOT NULL DEFAULT 0,
  closed               integer NOT NULL DEFAULT 0,
  rated                integer NOT NULL DEFAULT 0,
  solved               integer NOT NULL DEFAULT 0,
  satisfied            integer NOT NULL DEFAULT 0,
  reopened             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, month, place_id, category_code, channel, department_key)
);
CREATE INDEX case_monthly_month_idx ON case_monthly (month);
-- The edge days of a period: a range of days, not a scan of the whole daily table.
CREATE INDEX case_daily_day_idx ON case_daily (day);

INSERT INTO case_monthly (tenant_id, month, place_id, place_path, category_code, channel, department_key, received, valid,
  contacted, contacted_on_time, contact_minutes, resolved, resolved_on_time, resolve_minutes, closed, rated, solved, satisfied, reopened)
SELECT tenant_id, date_trunc('month', day)::date, place_id, min(place_path), category_code, channel, department_key,
  sum(received), sum(valid), sum(contacted), sum(contacted_on_time), sum(contact_minutes), sum(resolved), sum(resolved_on_time),
  sum(resolve_minutes), sum(closed), sum(rated), sum(solved), sum(satisfied), sum(reopened)
FROM case_daily
GROUP BY tenant_id, date_trunc('month', day)::date, place_id, category_code, channel, department_key;

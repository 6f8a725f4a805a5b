-- Holiday calendar and business hours (issue 14). calendar_days (0003) held 2026 only and could not
-- be edited. Now: a row per year says whether its days are confirmed from the State Council's notice
-- (国务院办公厅关于部分节假日安排的通知) or only provisional; each county sets its business hours,
-- which a working-day deadline counts in (platform/deadlines.ts). No row: 09:00–12:00, 13:30–17:30.

CREATE TABLE calendar_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  confirmed   boolean NOT NULL DEFAULT false,   -- false: provisional, the county must import the notice
  source      text NOT NULL DEFAULT '',         -- the notice it was taken from, e.g. 国办发明电〔2025〕7号
  updated_at  timestamptz NOT NULL,
  updated_by  text
);

CREATE TABLE business_hours (
  tenant_id   text PRIMARY KEY,                  -- the county
  periods     jsonb NOT NULL,                    -- [{"open":540,"close":720}, …] minutes after midnight, Beijing time
  updated_at  timestamptz NOT NULL,
  updated_by  text
);

INSERT INTO calendar_years (year, confirmed, source, updated_at) VALUES
  (2026, true, '随系统发布', now()),
  (2027, false, '暂定：仅含公历固定日期的法定节假日，请导入国务院办公厅 2027 年节假日安排通知', now());

-- 2027, provisional: only the statutory holidays on fixed Gregorian dates (全国年节及纪念日放假办法,
-- as revised in 2024). The lunar holidays (春节, 清明节, 端午节, 中秋节) and every 调休 day come from
-- the State Council's notice, which the county imports (docs/operations.md).
INSERT INTO calendar_days (day, is_workday, name) VALUES
  ('2027-01-01', false, '元旦'),
  ('2027-05-01', false, '劳动节'), ('2027-05-02', false, '劳动节'),
  ('2027-10-01', false, '国庆节'), ('2027-10-02', false, '国庆节'), ('2027-10-03', false, '国庆节')
ON CONFLICT (day) DO NOTHING;

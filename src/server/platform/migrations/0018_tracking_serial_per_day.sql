-- 查询码 (tracking codes) are unique across the deployment, but the serial of the day was counted
-- per county (tracking:<county>:<day>), so the second county to file on a day got the first
-- county's code and a 500. The serial is now counted once per day for every county
-- (tracking:<day>): the code keeps its short form (LL-20261124-0042) that residents read over the
-- phone and that the QR tracking page, Open311 and printed SMS already carry, and every code given
-- before stays as it is. Each day's counter starts after the highest serial given that day, by any
-- county's counter or any stored code.
INSERT INTO system_counters (name, value)
SELECT 'tracking:' || day, max(serial)
FROM (
  SELECT split_part(name, ':', 3) AS day, value AS serial
  FROM system_counters
  WHERE name LIKE 'tracking:%:%'
  UNION ALL
  SELECT to_char(to_date(split_part(tracking_code, '-', 2), 'YYYYMMDD'), 'YYYY-MM-DD'),
         split_part(tracking_code, '-', 3)::bigint
  FROM cases
  WHERE tracking_code ~ '^[A-Za-z]{1,4}-[0-9]{8}-[0-9]{1,9}$'
) AS given
GROUP BY day
ON CONFLICT (name) DO UPDATE SET value = GREATEST(system_counters.value, EXCLUDED.value);
DELETE FROM system_counters WHERE name LIKE 'tracking:%:%';

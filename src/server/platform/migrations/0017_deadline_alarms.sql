-- Every watched deadline now runs through one kernel (platform/deadlines.ts) whose alarm payload is
-- { id, clock, due, level }. Alarms queued by an older version named their subject by its own key
-- (caseId, summonsId, questionId) and a legal question's alarm named no clock or deadline; this
-- rewrites the queued ones so they still fire. Done and dead jobs keep the payload they ran with.
UPDATE jobs SET payload = jsonb_build_object(
    'id', payload->>'caseId', 'clock', payload->>'clock', 'due', payload->>'due', 'level', payload->>'level')
  WHERE kind = 'case.sla' AND status = 'queued' AND payload ? 'caseId';
UPDATE jobs SET payload = jsonb_build_object(
    'id', payload->>'summonsId', 'clock', payload->>'clock', 'due', payload->>'due', 'level', payload->>'level')
  WHERE kind = 'whistle.sla' AND status = 'queued' AND payload ? 'summonsId';
UPDATE jobs j SET payload = jsonb_build_object(
    'id', q.id::text, 'clock', 'answer',
    'due', to_char(q.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'level', j.payload->>'level')
  FROM legal_questions q
  WHERE j.kind = 'legal.sla' AND j.status = 'queued' AND j.payload ? 'questionId' AND q.id::text = j.payload->>'questionId';

-- Secrets sent by SMS (a resident's login code, the rating link of a resolved case) are kept out of
-- the outbox's readable columns: params and body hold them masked, secrets_enc holds them encrypted
-- with the personal-data key, opened only by the job that hands the message to the provider.
ALTER TABLE sms_outbox ADD COLUMN secrets_enc text;

-- Rows written before: mask what was already sent. A row still queued keeps its text until the job
-- sends it, then the job masks it the same way.
UPDATE sms_outbox
   SET body = regexp_replace(body, '验证码是[0-9]+', '验证码是******'),
       params = params || '{"code": "******"}'::jsonb
 WHERE template = 'login_code' AND status <> 'queued';
UPDATE sms_outbox
   SET body = regexp_replace(body, '请评价：.*$', '请评价：******'),
       params = params || '{"link": "******"}'::jsonb
 WHERE template = 'case_resolved' AND status <> 'queued';

-- Failed logins are counted per account and address in rate_limits (platform/auth/throttle.ts); the
-- account-wide lock that let anyone lock an account for everyone is gone.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;

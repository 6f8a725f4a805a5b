import path from 'node:path';
import type { AppDeps } from './deps.js';
import { noticeDeps } from './deps.js';
import { casesJobs } from './features/cases/index.js';
import { filesJobs } from './features/files/index.js';
import { legalJobs } from './features/legal/jobs.js';
import { statsJobs } from './features/stats/index.js';
import { whistleJobs } from './features/whistle/jobs.js';
import type { JobDefinition } from './platform/jobs.js';
import { consoleProvider, httpProvider } from './platform/notify/providers.js';
import { smsSendJob } from './platform/notify/sms.js';
import { rateLimitPruning } from './platform/rate-limit.js';
import { calendarJobs } from './features/calendar/index.js';
import { applicationsJobs } from './features/services/applications/index.js';
import { assistanceJobs } from './features/services/assistance/index.js';
import { roomsJobs } from './features/community/rooms/index.js';
import { wishesJobs } from './features/community/wishes/index.js';
import { meetingsJobs } from './features/deliberation/meetings/index.js';
import { votesJobs } from './features/deliberation/votes/index.js';
import { dispatchJobs } from './features/dispatch/index.js';

// Every kind of background work, in one place. The server's worker loop and `linli jobs run` (no HTTP)
// register the same list, so a job never depends on the web app having been built.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of jobs with different payloads
export function jobDefinitions(deps: AppDeps): JobDefinition<any>[] {
  const withNotices = { ...deps, ...noticeDeps(deps.config) };
  return [
    smsSendJob({ pii: deps.pii, provider: smsProvider(deps.config), sign: deps.config.SMS_SIGN }),
    rateLimitPruning,
    ...casesJobs(withNotices),
    ...whistleJobs(withNotices),
    ...legalJobs(withNotices),
    ...statsJobs(deps),
    ...filesJobs(deps),
    ...calendarJobs(withNotices),
    ...applicationsJobs(withNotices),
    ...assistanceJobs(withNotices),
    ...roomsJobs(),
    ...wishesJobs(),
    ...meetingsJobs(),
    ...votesJobs(),
    ...dispatchJobs(deps),
  ];
}

export function registerJobs(deps: AppDeps): void {
  for (const job of jobDefinitions(deps)) deps.jobs.add(job);
}

function smsProvider(config: AppDeps['config']) {
  if (config.SMS_PROVIDER === 'console')
    return consoleProvider({ handsetFile: path.join(config.dataDir, 'sms-handset.jsonl') });
  if (!config.SMS_HTTP_URL) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL');
  return httpProvider({
    url: config.SMS_HTTP_URL,
    token: config.SMS_HTTP_TOKEN,
    templateIds: JSON.parse(config.SMS_TEMPLATE_IDS) as Record<string, string>,
  });
}

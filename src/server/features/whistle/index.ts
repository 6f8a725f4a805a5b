// What other features may import from `whistle`; everything else in the folder is its own.
export { SummonsRequest, summonsSomeone } from './schemas.js';
export type { WhistleInputT } from './schemas.js';
export { whistleOfCase } from './read.js';
export { createWhistleService } from './service.js';

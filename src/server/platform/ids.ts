import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

// UUIDv7 made in the app: time-ordered, safe across shards and for offline clients.
export const newId = (): string => uuidv7();

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

import type { PageCase } from './index.js';

/** Console pages (1366×768) — filled by issue 18's accessibility work. */
export const consolePages: PageCase[] = [];

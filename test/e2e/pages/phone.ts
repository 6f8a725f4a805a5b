import type { PageCase } from './index.js';

/** Phone and resident pages (390×844) — filled by issue 18's accessibility work. */
export const phonePages: PageCase[] = [];

import type { Page } from 'playwright-core';

// Every page of the apps, kept in one place so a new page joins the accessibility checks (issue 18).
// Each app's list is its own file: console.ts (the console and its login), phone.ts (the phone pages
// of every role, the QR report, tracking and rating pages, the public community pages and the kiosk).

export interface PageCase {
  /** A short name for failure messages and screenshots, e.g. 'console/cases'. */
  name: string;
  /** Demo login (password Linli@2026) or null for pages without login. */
  login: string | null;
  /** 'console' logs in at /login; 'phone' at /m/login. */
  app: 'console' | 'phone';
  /** Path to open after login. */
  path: string;
  /**
   * For a page that needs a real id (a detail page): finds its path at run time, after login, e.g. from
   * the first row of the list the page is opened from (the API answers as the list shows it). Replaces
   * `path` when given.
   */
  resolve?: (page: Page, baseUrl: string) => Promise<string>;
  /** Resident-facing: must offer elder mode (关怀模式) and read ≥ 18 px in it. */
  resident?: boolean;
  /** Waits until the page shows its data (a test id or text), after navigation. */
  ready?: (page: Page) => Promise<void>;
}

// Reviewable SQL (issue 13, as Immich keeps it). Calls every sample of every
// src/server/features/<feature>/repository.samples.ts against a Kysely that only records the
// compiled statements (DummyDriver: no database, every query returns no rows), and writes them to
// src/server/queries/<feature>.sql. A reviewer reads the SQL a change produces in the diff.
//
//   npm run sql:update   writes the files
//   npm run sql:check    compares in memory; fails when a file differs, is missing or is stale,
//                        and when a repository has no samples file or a function has no sample
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import type { Database } from '../src/server/platform/db/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const featuresDir = path.join(root, 'src/server/features');
const queriesDir = path.join(root, 'src/server/queries');
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

let recorded: CompiledQuery[] = [];
const recorder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  log: (event) => {
    recorded.push(event.query);
  },
});

// Top-level clauses start a line; longer keywords first so 'order by' wins over 'or'.
const clauseKeywords = [
  'on conflict',
  'inner join',
  'left join',
  'right join',
  'full join',
  'cross join',
  'union all',
  'group by',
  'order by',
  'for update',
  'returning',
  'select',
  'values',
  'having',
  'offset',
  'where',
  'limit',
  'from',
  'set',
];

/** Splits `text` at depth 0 (outside parentheses and quotes) wherever `at(i)` gives a cut length. */
function splitTopLevel(text: string, at: (i: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && i > start) {
      const cut = at(i);
      if (cut >= 0) {
        parts.push(text.slice(start, i).trim());
        start = i + cut;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

const wordAt = (text: string, i: number, word: string) =>
  text[i] === ' ' && text.startsWith(word, i + 1) && /[\s(]|$/.test(text[i + 1 + word.length] ?? '');

/** One clause a line; select lists one column a line; where/having one condition a line. */
function formatSql(statement: string): string {
  const startsClause = (i: number) =>
    clauseKeywords.some((k) => wordAt(statement, i, k)) && !statement.slice(0, i).endsWith(' do update');
  const clauses = splitTopLevel(statement, (i) => (startsClause(i) ? 1 : -1));
  const lines: string[] = [];
  for (const clause of clauses) {
    const keyword = clauseKeywords.find((k) => clause === k || clause.startsWith(k + ' '));
    if (keyword === 'select' || keyword === 'returning') {
      const body = clause.slice(keyword.length);
      const items = splitTopLevel(body, (i) => (body[i] === ',' ? 1 : -1));
      lines.push(keyword, ...items.map((item, n) => `  ${item}${n < items.length - 1 ? ',' : ''}`));
    } else if (keyword === 'where' || keyword === 'having') {
      const body = clause.slice(keyword.length + 1);
      const conditions = splitTopLevel(body, (i) => (wordAt(body, i, 'and') ? 5 : -1));
      lines.push(`${keyword} ${conditions[0]}`, ...conditions.slice(1).map((c) => `  and ${c}`));
    } else {
      lines.push(clause);
    }
  }
  return lines.join('\n') + ';';
}

type Samples = Record<string, (db: Kysely<Database>) => unknown>;

interface Feature {
  name: string;
  repository: string | null;
  samples: string | null;
}

/** Every folder under features/ that holds a repository: `cases`, and `cases.roster` for cases/roster/. */
function features(): Feature[] {
  const found: Feature[] = [];
  const walk = (dir: string, name: string) => {
    const candidates = [path.join(dir, 'repository.ts'), path.join(dir, 'repository', 'index.ts')];
    const repository = candidates.find((f) => fs.existsSync(f)) ?? null;
    const samples = path.join(dir, 'repository.samples.ts');
    if (name) found.push({ name, repository, samples: fs.existsSync(samples) ? samples : null });
    for (const sub of fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'repository'))
      walk(path.join(dir, sub.name), name ? `${name}.${sub.name}` : sub.name);
  };
  walk(featuresDir, '');
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs one sample and returns what it sent. A sample may fail on the empty results (…OrThrow); that is fine. */
async function record(sample: (db: Kysely<Database>) => unknown): Promise<{ statements: string[]; error?: string }> {
  recorded = [];
  let error: string | undefined;
  try {
    await sample(recorder);
  } catch (caught) {
    error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  }
  return { statements: recorded.map((q) => formatSql(q.sql)), error };
}

async function render(feature: Feature, problems: string[]): Promise<string> {
  const samples = ((await import(pathToFileURL(feature.samples!).href)) as { samples?: Samples }).samples;
  if (!samples) {
    problems.push(`${relative(feature.samples!)} exports no \`samples\``);
    return '';
  }
  const repository = (await import(pathToFileURL(feature.repository!).href)) as Record<string, unknown>;
  for (const name of Object.keys(repository).filter((k) => typeof repository[k] === 'function')) {
    if (!(name in samples)) problems.push(`${feature.name}.${name} has no sample in ${relative(feature.samples!)}`);
  }
  const blocks = [`-- Generated by \`npm run sql:update\` from ${relative(feature.samples!)}; do not edit by hand.\n`];
  for (const [name, sample] of Object.entries(samples)) {
    const { statements, error } = await record(sample);
    if (statements.length === 0)
      problems.push(`${feature.name}.${name} sent no statement${error ? ` (${error})` : ''}`);
    blocks.push([`-- ${feature.name}.${name}`, ...statements].join('\n\n') + '\n');
  }
  return blocks.join('\n');
}

async function main() {
  const check = process.argv.includes('--check');
  const problems: string[] = [];
  const missingSamples: string[] = [];
  const expected = new Map<string, string>();
  for (const feature of features()) {
    if (feature.repository && !feature.samples) missingSamples.push(relative(feature.repository));
    if (!feature.repository || !feature.samples) continue;
    expected.set(path.join(queriesDir, `${feature.name}.sql`), await render(feature, problems));
  }
  const existing = fs.existsSync(queriesDir)
    ? fs
        .readdirSync(queriesDir)
        .filter((f) => f.endsWith('.sql'))
        .map((f) => path.join(queriesDir, f))
    : [];
  const stale = existing.filter((f) => !expected.has(f));
  const differing = [...expected].filter(
    ([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text,
  );

  if (!check) {
    fs.mkdirSync(queriesDir, { recursive: true });
    for (const [file, text] of differing) fs.writeFileSync(file, text);
    for (const file of stale) fs.rmSync(file);
    for (const [file] of differing) console.log(`wrote ${relative(file)}`);
    for (const file of stale) console.log(`removed ${relative(file)}`);
    console.log(`${expected.size} SQL files up to date.`);
  } else {
    for (const [file] of differing)
      problems.push(`${relative(file)} ${fs.existsSync(file) ? 'differs' : 'is missing'}`);
    for (const file of stale) problems.push(`${relative(file)} has no repository samples any more`);
  }
  if (missingSamples.length > 0) {
    problems.push(
      `repositories without repository.samples.ts beside them (one sample per exported function, see platform/db/sql-samples.ts):\n    ${missingSamples.join('\n    ')}`,
    );
  }
  await recorder.destroy();
  if (problems.length > 0) {
    console.error(`\nSQL files:\n  - ${problems.join('\n  - ')}\n`);
    // Only the check fails: an update writes what it can and lists what is left to do.
    if (check) {
      console.error('Run npm run sql:update, then review the changed src/server/queries/*.sql.\n');
      process.exitCode = 1;
    }
  } else if (check) {
    console.log(`${expected.size} SQL files match their repositories.`);
  }
}

await main();

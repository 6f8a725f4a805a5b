// The type check of the server, tests and scripts (`tsc -p .`) and ESLint over the repository (`npm run
// lint`) in one process that builds the TypeScript program once. ESLint's type-aware rule
// (no-floating-promises on src/server and test) then asks the checker tsc already filled instead of
// type-checking everything a second time through its own project service: ~95 s of CPU less on the
// 2-core CI machine (docs/testing.md). Same rules, same files, same exit code as the two commands.
// `npm test` runs it; `npm run typecheck` and `npm run lint` stay the commands to use by hand.
import { ESLint } from 'eslint';
import ts from 'typescript';

const started = Date.now();
const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: ts.sys.getCurrentDirectory,
  getNewLine: () => ts.sys.newLine,
};
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, host);
if (!config) throw new Error('tsconfig.json could not be read');
if (config.errors.length) fail(config.errors);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length) {
  console.log(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  console.log(`✗ tsc: ${diagnostics.length} error(s). Fix them (npm run typecheck shows the same).`);
}
console.log(`tsc: ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The rules of `npm run lint`; the type-aware block gets the program above instead of a project service.
// No cache: ESLint cannot store a configuration that holds a program (and a fresh clone has no cache).
const eslint = new ESLint({
  overrideConfig: [
    {
      files: ['src/server/**/*.ts', 'test/**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  ],
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) console.log(report);
const lintErrors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
const lintWarnings = results.reduce((n, r) => n + r.warningCount, 0);
console.log(`eslint: ${results.length} files, ${lintErrors} error(s), ${lintWarnings} warning(s)`);
process.exit(diagnostics.length || lintErrors ? 1 : 0);

function fail(errors) {
  console.error(ts.formatDiagnosticsWithColorAndContext(errors, formatHost));
  process.exit(1);
}

// Dependency rules (`npm run deps`). Issue 13: no cycles; the platform kernel imports no feature;
// a feature reaches another only through that feature's index.ts; shared code stands alone; the web
// takes only types from the server. .vue files are read through @vue/compiler-sfc.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order matter and tie modules together; break the cycle (move the shared part down).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment: 'src/server/platform is the kernel every feature builds on; it must not know any feature.',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/features/' },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'src/shared is used by server and web alike, so it imports neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-takes-only-types-from-server',
      severity: 'error',
      comment:
        'The web may derive types from the server schemas (import type, typeof import()), never pull server code into the bundle.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'feature-through-its-index',
      severity: 'error',
      comment:
        "A feature uses another feature only through that feature's index.ts (its public face); import from features/<other>/index.ts (or <other>/<area>/index.ts).",
      from: { path: '^src/server/features/([^/]+)/' },
      to: {
        path: '^src/server/features/([^/]+)/',
        // an area of a feature (community/honours) has its own public face too
        pathNot: [
          '^src/server/features/$1/',
          '^src/server/features/[^/]+/index\\.ts$',
          '^src/server/features/[^/]+/[^/]+/index\\.ts$',
        ],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo or a missing package.',
      // Declaration files name type packages (`/// <reference types="vite/client" />`), not modules.
      from: { pathNot: '\\.d\\.ts$' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^src/web/public/', '^dist/'] },
    // Keep `import type` visible, so the web rule can tell types from code.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.vue', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

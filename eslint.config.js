// ESLint for the whole repository (`npm run lint`). Formatting is prettier's job (`npm run format`);
// eslint-config-prettier, last, switches off every rule that would argue with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Issue 13: every query of a feature lives in its repository.ts (or a repository/ folder), so a
// reviewer finds all SQL in one place and src/server/queries/<feature>.sql shows all of it.
const queryHere = 'queries live in repository.ts (issue 13): move this query into the feature repository';
const queryCalls = ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'].map(
  (name) => ({
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name='${name}']`,
    message: `.${name}(): ${queryHere}.`,
  }),
);
const rawSql = [
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: `sql\`\`: ${queryHere}.` },
  { selector: "CallExpression[callee.object.name='sql']", message: `sql.*(): ${queryHere}.` },
];
// One schema end to end: a response declares its fields, so the web can derive its types from it.
const noPassthrough = {
  selector: "CallExpression[callee.property.name='passthrough']",
  message: '.passthrough(): declare the fields in the schema instead (issue 13, one schema end to end).',
};

export default defineConfig([
  globalIgnores(['dist/', 'data/', 'node_modules/', '.test-artifacts/', '.scratch/', 'coverage/', 'src/web/public/']),

  // Every file: the recommended rules of JavaScript, TypeScript and Vue.
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // Views are folders with an index.vue (STYLE.md), so single-word file names are the rule here.
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  { files: ['src/web/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['src/server/**', 'src/shared/**', 'test/**', 'scripts/**', 'bench/**', 'bin/**', '*.js', '*.ts'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },

  // Server and tests: type-aware, so a promise nobody awaits is an error (a lost rejection, a
  // transaction that commits after the response).
  {
    files: ['src/server/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Tests read JSON bodies of every shape and check them with assertions, not types.
  { files: ['test/**/*.ts', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Server code (not tests): small functions with few paths through them.
  {
    files: ['src/server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      complexity: ['error', 15],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },

  { files: ['src/**/*.ts', 'src/**/*.vue'], rules: { 'no-restricted-syntax': ['error', noPassthrough] } },
  // Later blocks replace the rule's options for their files, so noPassthrough is repeated here.
  {
    files: ['src/server/features/**/*.ts'],
    ignores: ['**/repository.ts', '**/repository/**', '**/*.samples.ts'],
    rules: { 'no-restricted-syntax': ['error', noPassthrough, ...queryCalls, ...rawSql] },
  },

  prettier,
]);

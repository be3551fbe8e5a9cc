// Lint config. The dependency rules of ../shared/ARCHITECTURE.md are enforced here, not by memory.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const nodeBuiltins = require('node:module').builtinModules.flatMap((m) => [m, `node:${m}`]);
const ioLibraries = [
  'better-sqlite3',
  'restify',
  'botbuilder',
  'botbuilder-*',
  '@microsoft/microsoft-graph-client',
  '@azure/*',
  'mailparser',
  'nodemailer',
  'jose',
  'commander',
  'cli-progress',
  'csv-parse',
  'sanitize-html',
];
const restrict = (patterns, message) => ({ group: patterns, message });
// Outside shared/domain, the domain is imported through its doors: shared/domain or shared/domain/<area>.
const domainDoors = restrict(
  ['**/domain/*/*'],
  'Outside shared/domain, import the domain through its doors: shared/domain (index.ts) or shared/domain/<area> (its index.ts).',
);

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'addin/dist/**', '.tmp/**', 'build/**', '.ci/cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Rule 0: the domain's index files are its doors (the blocks below repeat it with their own rules).
    files: ['**/*.ts'],
    ignores: ['shared/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [domainDoors] }] },
  },
  {
    // REST API data types: shared by the server and the add-in, no logic, the domain's types only.
    files: ['shared/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(
              ['**/application/**', '**/infra/**', '**/bot/**', '**/addin/**'],
              'shared/contract holds data types: it imports the domain only.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Rule 1: the domain is pure and browser-safe.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['**/application/**', '**/infra/**', '**/bot/**', '**/addin/**'],
              'shared/domain imports nothing of ours outside itself.',
            ),
            restrict([...nodeBuiltins, ...ioLibraries], 'shared/domain does no I/O.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No process.env in the domain.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads the clock.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain never reads the clock.' },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'The domain never reads the clock.',
        },
      ],
    },
  },
  {
    // Rule 2: application services see the domain and their own ports only.
    files: ['shared/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(
              ['**/infra/**', '**/bot/**', '**/addin/**'],
              'shared/application imports shared/domain and its own ports only.',
            ),
            // 'domain' (a Node builtin) would also match our own ../domain/ imports: keep only node:domain.
            restrict(
              [...nodeBuiltins.filter((m) => !/crypto/.test(m) && m !== 'domain'), ...ioLibraries],
              'shared/application does no I/O: take a port.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Rule 3: adapters implement ports and never import each other; botbuilder/restify stay in bot/.
    files: ['shared/infra/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(['**/bot/**', '**/addin/**'], 'shared/infra implements ports; it never imports the edges.'),
            restrict(['restify', 'botbuilder', 'botbuilder-*'], 'botbuilder and restify appear only under bot/.'),
          ],
        },
      ],
    },
  },
  // Rule 3, between adapters: each adapter folder imports no other one (the Graph client factory is shared).
  ...['sqlite', 'sharepoint', 'mail', 'log'].map((adapter) => ({
    files: [`shared/infra/${adapter}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(['**/bot/**', '**/addin/**'], 'shared/infra implements ports; it never imports the edges.'),
            restrict(['restify', 'botbuilder', 'botbuilder-*'], 'botbuilder and restify appear only under bot/.'),
            restrict(
              ['sqlite', 'sharepoint', 'mail', 'log'].filter((other) => other !== adapter).map((other) => `**/${other}/**`),
              `shared/infra/${adapter} never imports another adapter: move what both need to a neutral place.`,
            ),
          ],
        },
      ],
    },
  })),
  {
    // Rule 4: cards never import botbuilder.
    files: ['bot/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(['botbuilder', 'botbuilder-*', 'restify'], 'Cards are JSON + typed mappers: no botbuilder.'),
          ],
        },
      ],
    },
  },
  {
    // Rule 5: the add-in imports only shared/domain and shared/contract (no Node code reaches a bundle).
    files: ['addin/**/*.ts'],
    ignores: ['addin/build/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainDoors,
            restrict(['**/application/**', '**/infra/**', '**/bot/**'], 'addin/ imports only shared/domain and shared/contract.'),
            // 'domain' (a Node builtin) would also match our own ../shared/domain/ imports: keep only node:domain.
            restrict([...nodeBuiltins.filter((m) => m !== 'domain'), ...ioLibraries], 'addin/ is browser code.'),
          ],
        },
      ],
    },
  },
);

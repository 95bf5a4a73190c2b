// One lint config for every workspace. Type-aware rules catch promises nobody awaits.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/drizzle/**',
      '**/coverage/**',
      '**/*.mjs',
      '**/*.js',
      'my-app/next-env.d.ts',
      'my-app/e2e/screenshots/**',
      'my-app/test-results/**',
      'my-app/playwright-report/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['twilio-sim', '**/twilio-sim/**'], message: 'project/src must not import the simulator' },
          ],
        },
      ],
    },
  },
  {
    files: ['project/test/**', 'twilio-sim/**', 'my-app/**', '**/*.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);

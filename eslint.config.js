// ESLint (flat config): errors for real problems — unused code, `any`, unsafe TypeScript,
// accessibility mistakes in .astro markup — not for layout, which Prettier owns.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'bench/out/', 'test-results/', 'content/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  ...astro.configs['jsx-a11y-recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Style, not a bug: a regex matching YAML's two-space indent reads best with the two spaces.
      'no-regex-spaces': 'off',
    },
  },
);

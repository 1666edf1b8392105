// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.roadbook/', 'node_modules/', 'tests/fixtures/', '.scratch/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // core runs in Node and in browsers alike: it never depends on Astro.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['astro', 'astro:*', 'astro/*'], message: 'src/core has no Astro import' }] },
      ],
    },
  },
);

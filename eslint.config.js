// @ts-check
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/', 'dist.*/', '**/.astro/', '.tmp/', 'node_modules/', 'test-results/'] },
	...tseslint.configs.recommended,
	...eslintPluginAstro.configs.recommended,
	{
		rules: {
			// Unused bindings are mistakes, except deliberate `_` placeholders.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Problems must reach editors through the check report, not stray logs; CLIs opt in per file.
			'no-console': 'error',
		},
	},
	{
		files: ['src/checks/cli.ts', 'bench/**', 'scripts/**'],
		rules: { 'no-console': 'off' },
	},
);

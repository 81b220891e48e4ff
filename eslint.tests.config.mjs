// The tests' and scripts' own lint (`npm run lint` runs it after `n8n-node lint`). They are .tsx files so that
// n8n's config in eslint.config.mjs, which must stay exactly n8n's template and applies the rules for code that runs
// inside n8n (no process, timers, fs…) to every **/*.ts, does not apply them to the harness that starts n8n.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'test/e2e/.work/**'] },
	{
		files: ['test/**/*.tsx', 'scripts/**/*.tsx'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
);

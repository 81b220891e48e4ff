// Runs n8n's own lint rules over a scratch package (written by description-lint.test.ts) and prints the findings
// as JSON. A separate Node process because @n8n/eslint-plugin-community-nodes is an ES module, which jest's
// module system cannot load, and because eslint-plugin-n8n-nodes-base skips its file-name checks under
// NODE_ENV=test (the caller clears it).
import { ESLint } from 'eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const [dir] = process.argv.slice(2);
const community = n8nCommunityNodesPlugin.configs.recommended;

const eslint = new ESLint({
	cwd: dir,
	overrideConfigFile: true,
	overrideConfig: [
		{
			files: ['**/*.ts'],
			languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
			plugins: { ...community.plugins, 'n8n-nodes-base': n8nNodesBase },
			// Every rule n8n ships for nodes and credentials, at "error" whatever its preset level: a warning is a
			// finding too. The project's eslint.config.mjs turns off the same three as n8n's community starter.
			rules: Object.fromEntries(
				Object.keys({
					...community.rules,
					...n8nNodesBase.configs.credentials.rules,
					...n8nNodesBase.configs.nodes.rules,
				}).map((rule) => [rule, 'error']),
			),
		},
		{
			files: ['**/*.ts'],
			rules: {
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			},
		},
	],
});

const results = await eslint.lintFiles(['nodes/**/*.ts', 'credentials/**/*.ts']);
const findings = results.flatMap((r) =>
	r.messages.map((m) => ({
		file: r.filePath.slice(dir.length + 1),
		line: m.line,
		rule: m.ruleId ?? 'parse-error',
		message: m.message,
		source: (r.source ?? '').split('\n')[m.line - 1]?.trim() ?? '',
	})),
);
process.stdout.write(JSON.stringify(findings));

// Runs n8n's community-package scanner (@n8n/scan-community-package) on a folder exactly as n8n's verification
// does, and prints what it found as JSON. A separate Node process because the scanner is an ES module, which jest's
// module system cannot load, and because eslint-plugin-n8n-nodes-base skips its file-name checks under
// NODE_ENV=test (the caller clears it).
//
//   node run-n8n-scanner.mjs <folder> source    the attested source: SOURCE_FILE_PATTERNS (package.json, nodes/, credentials/)
//   node run-n8n-scanner.mjs <folder> tarball   the unpacked tarball: compiled .js and package.json
//
// The scanner's own analyzePackage decides pass or fail; it reports errors only, so the same config (its
// buildScanConfig, inline eslint comments off as in analyzePackage) is run once more to count warnings too.
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const [dir, leg] = process.argv.slice(2);
// The two legs of analyzePackageByName in scanner.mjs.
const patterns = leg === 'source' ? SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];

const verdict = await analyzePackage(dir, patterns);

const eslint = new ESLint({
	cwd: dir,
	allowInlineConfig: false,
	overrideConfigFile: true,
	overrideConfig: await buildScanConfig(),
});
const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
const results = await eslint.lintFiles(files);
const findings = results.flatMap((r) =>
	r.messages.map((m) => ({
		file: r.filePath.slice(dir.length + 1),
		line: m.line,
		rule: m.ruleId,
		severity: m.severity === 2 ? 'error' : 'warning',
		message: m.message,
	})),
);

process.stdout.write(
	JSON.stringify({ passed: verdict.passed, message: verdict.message ?? null, details: verdict.details ?? null, files: files.map((f) => f.slice(dir.length + 1)), findings }),
);

/**
 * The repository stands alone: a fresh clone has everything its code, comments and documents refer to. No
 * absolute paths of a developer's machine, and every `*.md` a file names (docs/musicapi-api.md, README.md…)
 * exists in the repository; markdown links resolve inside it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SELF = path.relative(ROOT, __filename);

/** Not scanned: binaries, and npm locks (registry metadata only). */
const SKIP = /(^|\/)package-lock\.json$|\.(png|jpe?g|gif|ico|svg|tgz|gz|zip|wav|mp3|m4a|mid)$/i;

/** Absolute paths of a machine or of files beside the checkout. Built from parts so this file does not match itself. */
const OUTSIDE: Array<[RegExp, string]> = [
	[new RegExp(['', 'work', ''].join('/')), 'an absolute path of the machine the project was built on'],
	[/(^|[\s'"`(])\/(root|home\/[\w.-]+)\//, 'an absolute path into a home folder (write ~ or a variable)'],
	[new RegExp(['n8n-on-this', 'machine'].join('-')), 'a note that is not in the repository (docs/n8n-hosts.md is)'],
	[new RegExp(['musicapi', 'contract\\.md'].join('-')), 'a document that is not in the repository (docs/musicapi-api.md is)'],
];

function repoFiles(): string[] {
	try {
		const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
		return out.split('\0').filter((file) => file && fs.existsSync(path.join(ROOT, file)));
	} catch {
		// Not a git checkout (an unpacked source archive): walk the tree instead.
		const found: string[] = [];
		const walk = (dir: string): void => {
			for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
				const rel = dir ? `${dir}/${entry.name}` : entry.name;
				if (entry.isDirectory()) {
					if (!['node_modules', 'dist', '.git', 'coverage', '.work', '.results'].includes(entry.name)) walk(rel);
				} else found.push(rel);
			}
		};
		walk('');
		return found;
	}
}

const files = repoFiles()
	.filter((file) => !SKIP.test(file) && file !== SELF)
	.map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }))
	.filter(({ text }) => !text.includes('\0'));
const markdownFiles = new Set(repoFiles().filter((file) => file.endsWith('.md')));
const markdownNames = new Set([...markdownFiles].map((file) => path.basename(file)));

function lineOf(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

describe('the repository refers to nothing outside itself', () => {
	test('scans a real file list', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(markdownFiles.has('README.md')).toBe(true);
	});

	test('no absolute paths of a machine or notes beside the checkout', () => {
		const hits: string[] = [];
		for (const { file, text } of files) {
			for (const [pattern, why] of OUTSIDE) {
				const global = new RegExp(pattern.source, 'g');
				for (const match of text.matchAll(global)) hits.push(`${file}:${lineOf(text, match.index ?? 0)}: "${match[0].trim()}" is ${why}`);
			}
		}
		expect(hits).toEqual([]);
	});

	test('no relative path climbs out of the checkout (nodes/shared is inside it; a shared/ beside it is not)', () => {
		const hits: string[] = [];
		for (const { file, text } of files) {
			for (const match of text.matchAll(/(?<![\w./-])((?:\.\.\/)+)[\w.-]+/g)) {
				const resolved = path.resolve(ROOT, path.dirname(file), match[1]);
				const inside = resolved === ROOT || resolved.startsWith(`${ROOT}${path.sep}`);
				if (!inside) hits.push(`${file}:${lineOf(text, match.index ?? 0)}: "${match[0]}" leaves the repository`);
			}
		}
		expect(hits).toEqual([]);
	});

	test('every *.md a file names exists in the repository', () => {
		const missing: string[] = [];
		for (const { file, text } of files) {
			// Tokens like docs/musicapi-api.md or README.md; URLs (something://…) are the web's business, not ours.
			for (const match of text.matchAll(/(?<![\w/:.-])((?:[\w~.-]+\/)*[\w-]+\.md)\b/g)) {
				const token = match[1];
				const before = text.slice(Math.max(0, (match.index ?? 0) - 200), match.index ?? 0);
				if (/https?:\/\/\S*$/.test(before)) continue;
				const candidates = [token, path.posix.normalize(path.posix.join(path.posix.dirname(file), token))];
				if (candidates.some((candidate) => markdownFiles.has(candidate))) continue;
				if (!token.includes('/') && markdownNames.has(token)) continue;
				missing.push(`${file}:${lineOf(text, match.index ?? 0)}: ${token}`);
			}
		}
		expect(missing).toEqual([]);
	});

	test('relative markdown links resolve to files inside the repository', () => {
		const broken: string[] = [];
		for (const { file, text } of files.filter(({ file }) => file.endsWith('.md'))) {
			for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
				const target = match[1].split('#')[0];
				if (!target || /^[a-z][\w+.-]*:/i.test(target)) continue; // anchors, http:, mailto:
				const resolved = path.resolve(ROOT, path.dirname(file), target);
				const inside = resolved === ROOT || resolved.startsWith(`${ROOT}${path.sep}`);
				if (!inside || !fs.existsSync(resolved)) broken.push(`${file}:${lineOf(text, match.index ?? 0)}: ${match[1]}`);
			}
		}
		expect(broken).toEqual([]);
	});
});

import { execFileSync } from 'child_process';
import { rmSync } from 'fs';
import { join } from 'path';

import { MusicApiApi } from '../../../credentials/MusicApiApi.credentials';
import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { MusicApiTrigger } from '../../../nodes/MusicApiTrigger/MusicApiTrigger.node';
import { credentialModule, nodeModule, writeScratchPackage } from './literal-module';

export const ROOT = join(__dirname, '..', '..', '..');

/** One finding of n8n's rules, with the line it was found on in the written-out module. */
export interface EslintFinding {
	file: string;
	line: number;
	rule: string;
	message: string;
	source: string;
}

/** The modules as n8n loads them: each class's description as code built it, written out literally. */
export function scratchModules(): Record<string, string> {
	return {
		'nodes/MusicApi/MusicApi.node.ts': nodeModule('MusicApi', new MusicApi().description),
		'nodes/MusicApiTrigger/MusicApiTrigger.node.ts': nodeModule('MusicApiTrigger', new MusicApiTrigger().description),
		'credentials/MusicApiApi.credentials.ts': credentialModule('MusicApiApi', new MusicApiApi()),
	};
}

/** Writes the modules into a scratch package under the OS temp folder, lints it with n8n's rules, removes it. */
export function lintWithN8nRules(modules: Record<string, string>): EslintFinding[] {
	const dir = writeScratchPackage(ROOT, modules);
	try {
		// Without NODE_ENV=test (jest's), eslint-plugin-n8n-nodes-base checks file names as it does in a real lint.
		const env = { ...process.env };
		delete env.NODE_ENV;
		const out = execFileSync(process.execPath, [join(__dirname, 'run-n8n-lint.mjs'), dir], {
			cwd: ROOT,
			env,
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(out.toString()) as EslintFinding[];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

import type { HarnessResult } from '../../integration/harness';
import { RELIABILITY_API_KEY, RELIABILITY_WEBHOOK_SECRET } from './setup';

export interface SecretScan {
	/** Texts scanned (output items, error fields, log lines, run data). */
	scanned: number;
	/** Occurrences of a secret, with where they were found. */
	leaks: Array<{ secret: string; where: string }>;
}

/**
 * Everything a user or an operator can see of one run: every output item (JSON and binary metadata), the error's
 * message, description and its whole serialised form, every captured log line, and the run data n8n stores.
 */
export function visibleTexts(result: HarnessResult): Array<{ where: string; text: string }> {
	const texts: Array<{ where: string; text: string }> = [];
	result.items.forEach((item, index) => texts.push({ where: `item ${index}`, text: serialise(item) }));
	if (result.error) {
		texts.push({ where: 'error.message', text: String(result.error.message ?? '') });
		texts.push({ where: 'error.description', text: String(result.error.description ?? '') });
		texts.push({ where: 'error (serialised)', text: serialise(result.error) });
	}
	result.logs.forEach((line, index) => texts.push({ where: `log line ${index}`, text: line }));
	texts.push({ where: 'run data', text: serialise(result.run.data.resultData) });
	return texts;
}

/** Secrets are the credential's API key and webhook secret, plus any derived secret a test passes. */
export function scanForSecrets(result: HarnessResult, extraSecrets: string[] = []): SecretScan {
	const secrets = [RELIABILITY_API_KEY, RELIABILITY_WEBHOOK_SECRET, ...extraSecrets].filter((s) => s.length >= 8);
	const texts = visibleTexts(result);
	const leaks: SecretScan['leaks'] = [];
	for (const { where, text } of texts) {
		for (const secret of secrets) {
			let at = text.indexOf(secret);
			while (at !== -1) {
				leaks.push({ secret: secret === RELIABILITY_API_KEY ? 'API key' : secret === RELIABILITY_WEBHOOK_SECRET ? 'webhook secret' : 'derived secret', where });
				at = text.indexOf(secret, at + secret.length);
			}
		}
	}
	return { scanned: texts.length, leaks };
}

/** JSON with Error fields (message, stack, description, cause) and without cycles. */
export function serialise(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function (_key, current: unknown) {
		if (typeof current === 'bigint') return String(current);
		if (current && typeof current === 'object') {
			if (seen.has(current)) return '[cycle]';
			seen.add(current);
			if (current instanceof Error) {
				const record = current as Error & Record<string, unknown>;
				return { ...record, name: record.name, message: record.message, stack: record.stack, cause: record.cause };
			}
			if (Buffer.isBuffer(current)) return `[buffer ${current.length}]`;
		}
		return current;
	}) ?? '';
}

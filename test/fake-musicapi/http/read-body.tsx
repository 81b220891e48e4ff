import type { IncomingMessage } from 'node:http';

/** Bodies are small JSON documents; the cap only protects the test process from a runaway client. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) break;
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Parsed JSON, or undefined for an empty body; `invalid` tells a broken body apart from an empty one. */
export function parseJson(rawBody: string): { value: unknown; invalid: boolean } {
	if (rawBody.trim() === '') return { value: undefined, invalid: false };
	try {
		return { value: JSON.parse(rawBody) as unknown, invalid: false };
	} catch {
		return { value: undefined, invalid: true };
	}
}

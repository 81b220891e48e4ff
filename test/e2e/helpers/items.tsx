/** Reading whole items (json, binary metadata, pairedItem) out of an execution fetched with includeData. */
import type { Execution } from '../harness';

export interface BinaryMeta {
	mimeType: string;
	fileName?: string;
	fileExtension?: string;
	/** n8n's human-readable size, e.g. "13.4 kB". */
	fileSize?: string;
	/** Storage id (filesystem mode), e.g. "filesystem-v2:workflows/…". */
	id?: string;
	[key: string]: unknown;
}

export interface ExecutionItem {
	json: Record<string, unknown>;
	binary?: Record<string, BinaryMeta>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }> | number;
}

/**
 * Output items of `nodeName`'s run `run` (default: the last run), first output of `connection` (default: main,
 * or an AI tool's `ai_tool` output when the node has no main output).
 */
export function nodeItems(execution: Execution, nodeName: string, run = -1, connection?: string): ExecutionItem[] {
	const runs = execution.data?.resultData.runData[nodeName] as unknown as Array<{ data?: Record<string, Array<ExecutionItem[] | null>> }> | undefined;
	if (!runs?.length) throw new Error(`execution ${execution.id} has no run of node "${nodeName}"`);
	const data = runs.at(run)?.data ?? {};
	return data[connection ?? ('main' in data ? 'main' : 'ai_tool')]?.[0] ?? [];
}

/** Bytes from n8n's pretty size ("13.4 kB", "812 B"); 0 when missing. */
export function sizeInBytes(fileSize: string | undefined): number {
	const match = /^([\d.]+)\s*(B|kB|KB|MB|GB)$/.exec(fileSize ?? '');
	if (!match) return 0;
	const factor = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[match[2] as 'B'];
	return Math.round(Number(match[1]) * factor);
}

/**
 * Size of a stored binary in bytes: n8n 2.x records it exactly (`bytes`); n8n 1.x only as the pretty `fileSize`
 * (three significant digits), so there it is approximate.
 */
export function storedBytes(meta: BinaryMeta | undefined): number {
	if (typeof meta?.bytes === 'number') return meta.bytes;
	return sizeInBytes(meta?.fileSize);
}

/** `meta` holds exactly `expected` bytes (2.x), or as nearly as 1.x's rounded `fileSize` can say (within 1%). */
export function expectStoredSize(meta: BinaryMeta | undefined, expected: number): void {
	if (typeof meta?.bytes === 'number') {
		expect(meta.bytes).toBe(expected);
		return;
	}
	expect(Math.abs(sizeInBytes(meta?.fileSize) - expected)).toBeLessThanOrEqual(Math.max(expected * 0.01, 5));
}

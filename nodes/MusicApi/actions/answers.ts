import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { baseFileName, downloadBinary, downloadSettingsOf } from '../../shared/results/download';
import type { OperationContext } from '../base/operation';

// How the answers of the sync endpoints become items: their data, their files, and what to say when they lack it.

/**
 * The useful part of a sync answer: `data` (one item per element when it is a list), or the body without its
 * envelope (`code`, `message`) when there is no `data`.
 */
export function answerData(body: unknown): IDataObject[] {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ response: body as IDataObject[string] }];
	const record = body as IDataObject;
	if (Array.isArray(record.data)) return record.data.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry }));
	if (record.data && typeof record.data === 'object') return [record.data as IDataObject];
	const rest = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'code' && key !== 'message'));
	return [rest];
}

/** The answer lacked what the endpoint promises (a task or clip id): an error naming the request, never an empty item. */
export function missingInAnswer(ctx: OperationContext, itemIndex: number, request: string, missing: string) {
	const description =
		'The request may have taken effect. It was not repeated; check the MusicAPI dashboard before running this item again.';
	return badAnswer(ctx, itemIndex, request, missing, description);
}

/** The answer did not hold what the endpoint documents: an error naming the request, never an empty output. */
export function unexpectedAnswer(ctx: OperationContext, itemIndex: number, request: string, missing: string) {
	const description =
		'The answer did not have the documented shape. Run again later; if it persists, MusicAPI may have changed this endpoint.';
	return badAnswer(ctx, itemIndex, request, missing, description);
}

function badAnswer(ctx: OperationContext, itemIndex: number, request: string, missing: string, description: string) {
	const message = `MusicAPI answered ${request} without ${missing}`;
	return ctx.client.error({ kind: 'bad_response', message, description, details: { request } }, itemIndex);
}

/** `data` of the usual `{code, message, data}` envelope, when it is an object. */
export function dataOf(body: unknown): IDataObject | undefined {
	const data = (body as { data?: unknown } | undefined)?.data;
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : undefined;
}

/** The item with the file at `url` attached under `binaryProperty`. */
export async function withFile(
	ctx: OperationContext,
	itemIndex: number,
	json: IDataObject,
	url: string,
	clipId: string,
	binaryProperty: string,
): Promise<INodeExecutionData> {
	const file = await downloadBinary(ctx.fn, url, baseFileName(undefined, clipId), downloadSettingsOf(ctx.client), itemIndex);
	return { json, binary: { [binaryProperty]: file } };
}

import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { completionProperties, readResultOptions } from '../descriptions/completionFields';
import { additionalFields, panelNames, textField, type BodyField } from '../descriptions/fields';
import { readBody } from '../input/readBody';
import { taskItems } from '../jobs/items';
import { requestWhileAccepted } from '../jobs/whileAccepted';
import { taskSummaryJson } from '../../shared/results/output';
import { normalizeTask, type NormalizeOptions } from '../../shared/tasks';
import { TASK_PATH_PREFIXES, taskPath } from '../../shared/tasks/paths';
import type { TaskDialect } from '../../shared/tasks/types';
import type { ApiRequest } from '../../shared/transport/MusicApiClient';
import type { AsyncOperation, OperationContext, SyncOperation } from '../base/operation';

interface Describe {
	value: string;
	name: string;
	action: string;
	description: string;
	credits: string;
	creditsFor?: AsyncOperation['creditsFor'];
}

interface BodySpec {
	/** Top-level fields (required ones, and those shown only for some choices). */
	fields?: BodyField[];
	/** Optional fields, offered in "Additional Fields". */
	optional?: BodyField[];
	/** Operation-specific checks and additions once the fields are read. */
	refine?(ctx: OperationContext, itemIndex: number, body: IDataObject): IDataObject;
	/** Fields shown but not sent (e.g. notices). */
	extraProperties?: INodeProperties[];
}

function properties(spec: BodySpec): INodeProperties[] {
	const fields = spec.fields ?? [];
	return [
		...(spec.extraProperties ?? []),
		...fields.flatMap((f) => [f.property, ...(f.former?.properties ?? [])]),
		...(spec.optional?.length ? [additionalFields(spec.optional)] : []),
	];
}

const fieldNames = (spec: BodySpec) => panelNames([...(spec.fields ?? []), ...(spec.optional ?? [])]);

function body(ctx: OperationContext, itemIndex: number, spec: BodySpec): IDataObject {
	const read = readBody(ctx.fn, itemIndex, spec.fields ?? [], spec.optional ?? []);
	return spec.refine ? spec.refine(ctx, itemIndex, read) : read;
}

/** A job-starting POST: fields → body → task id, finished by the completion mode. */
export function defineAsync(
	spec: Describe &
		BodySpec & {
			path: string;
			dialect: TaskDialect;
			/** Defaults to the dialect's task endpoint. */
			pollPrefix?: string;
			taskOptions?: NormalizeOptions;
			batch?: AsyncOperation['batch'];
			/** The submit may take this long (work done inside the call); the node's Request Timeout applies when longer. */
			minTimeoutMs?: number;
			checkSubmitAnswer?: AsyncOperation['checkSubmitAnswer'];
			makesWav?: AsyncOperation['makesWav'];
			sourceClipField?: string;
		},
): AsyncOperation {
	const names = fieldNames(spec);
	return {
		mode: 'async',
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		credits: spec.credits,
		creditsFor: spec.creditsFor,
		endpoint: `POST ${spec.path}`,
		dialect: spec.dialect,
		taskOptions: spec.taskOptions,
		batch: spec.batch,
		sourceClipField: spec.sourceClipField,
		properties: properties(spec),
		pollPath: (taskId) => taskPath(spec.dialect, taskId, spec.pollPrefix),
		buildRequest: (ctx, itemIndex): ApiRequest => ({
			method: 'POST',
			path: spec.path,
			body: body(ctx, itemIndex, spec),
			kind: 'submit',
			fieldNames: names,
			...(spec.minTimeoutMs ? { timeoutMs: Math.max(ctx.client.settings.timeoutMs, spec.minTimeoutMs) } : {}),
		}),
		checkSubmitAnswer: spec.checkSubmitAnswer,
		makesWav: spec.makesWav,
	};
}

interface SyncCallSpec extends Describe, BodySpec {
	/** `METHOD /path` for the operation table; defaults to `POST <path>`. */
	endpoint?: string;
	path: string;
	/** Node settings shown after the request fields (Simplify, an Options collection); never sent. */
	settings?: INodeProperties[];
	/** Sends the checked body and turns the answer into items. */
	send(ctx: OperationContext, itemIndex: number, body: IDataObject): Promise<Array<IDataObject | INodeExecutionData>>;
}

/** A request answered at once: fields → checked body → `send`, which makes the request and shapes the answer. */
export function defineSyncCall(spec: SyncCallSpec): SyncOperation {
	return {
		mode: 'sync',
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		credits: spec.credits,
		endpoint: spec.endpoint ?? `POST ${spec.path}`,
		properties: [...properties(spec), ...(spec.settings ?? [])],
		run: async (ctx, itemIndex) => await spec.send(ctx, itemIndex, body(ctx, itemIndex, spec)),
	};
}

/** The common case of defineSyncCall: one request (GET with an id in the path, or POST), `shape` the answer. */
export function defineSync(
	spec: Describe &
		BodySpec & {
			method: 'GET' | 'POST';
			path: string;
			/** For GETs with the id in the path: the field whose value completes the path. */
			pathField?: string;
			shape(response: unknown, ctx: OperationContext, itemIndex: number): IDataObject[];
		},
): SyncOperation {
	const { method } = spec;
	const names = fieldNames(spec);
	return defineSyncCall({
		...spec,
		endpoint: `${method} ${spec.path}${spec.pathField ? `/{${spec.pathField}}` : ''}`,
		async send(ctx, itemIndex, fields) {
			let path = spec.path;
			if (spec.pathField) {
				path = `${spec.path}/${encodeURIComponent(String(fields[spec.pathField]))}`;
				delete fields[spec.pathField];
			}
			const request: ApiRequest =
				method === 'GET'
					? { method, path, qs: Object.keys(fields).length ? fields : undefined, kind: 'read', fieldNames: names }
					: { method, path, body: fields, kind: 'submit', fieldNames: names };
			const response = await requestWhileAccepted(ctx, itemIndex, request, { attempts: 0, delayMs: 0 });
			return spec.shape(response.body, ctx, itemIndex);
		},
	});
}

export const taskIdField = textField('taskId', 'task_id', {
	displayName: 'Task ID',
	required: true,
	description: 'The task ID a create operation returned',
});

/** Get Task for one dialect: asks once, outputs one item per clip (with files when finished) or the state. */
export function defineGetTask(
	spec: Partial<Describe> & { dialect: TaskDialect; pollPrefix?: string; resourceName: string },
): SyncOperation {
	const prefix = spec.pollPrefix ?? TASK_PATH_PREFIXES[spec.dialect];
	const resultOptions = completionProperties.find((p) => p.name === 'resultOptions') as INodeProperties;
	return {
		mode: 'sync',
		value: spec.value ?? 'getTask',
		name: spec.name ?? 'Get Task',
		action: spec.action ?? `Get a ${spec.resourceName} task`,
		description: spec.description ?? 'Check a job once and return its clips (free)',
		credits: spec.credits ?? '0',
		endpoint: `GET ${prefix}{task_id}`,
		properties: [
			taskIdField.property,
			{
				...resultOptions,
				displayOptions: undefined,
				options: resultOptions.options?.filter((o) => !['pollInterval', 'timeout'].includes(o.name)),
			},
		],
		async run(ctx, itemIndex) {
			const { task_id: taskId } = readBody(ctx.fn, itemIndex, [taskIdField]);
			const response = await ctx.client.request(
				{ method: 'GET', path: taskPath(spec.dialect, String(taskId), prefix), kind: 'read' },
				itemIndex,
			);
			const task = normalizeTask(spec.dialect, String(taskId), response);
			if (task.state !== 'succeeded') return [taskSummaryJson(task)];
			return await taskItems(ctx, task, itemIndex, readResultOptions(ctx.fn));
		},
	};
}

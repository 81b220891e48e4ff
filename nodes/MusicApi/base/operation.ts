import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { NormalizeOptions } from '../../shared/tasks';
import type { TaskDialect } from '../../shared/tasks/types';
import type { ApiRequest, MusicApiClient } from '../../shared/transport/MusicApiClient';

/** What an operation gets to work with: n8n's functions and the one MusicAPI client of this run. */
export interface OperationContext {
	fn: IExecuteFunctions;
	client: MusicApiClient;
}

interface OperationBase {
	/** The operation's value in the node's Operation dropdown. */
	value: string;
	/** Title-cased name shown in the dropdown. */
	name: string;
	/** Sentence-case action shown in the nodes panel ("Create a song"). */
	action: string;
	/** One line for the dropdown; says what it costs. */
	description: string;
	/** `METHOD /path` as the API documents it (README's operation table comes from this). */
	endpoint: string;
	/** Credits one call costs (mid-2026 prices), or a note when it varies. */
	credits: string;
	/** One item's credits when its saved settings choose another price (a legacy Producer Create); else `credits`. */
	creditsFor?(fn: IExecuteFunctions, itemIndex: number): string;
	/** The operation's fields; the resource index adds displayOptions for resource and operation. */
	properties: INodeProperties[];
}

/** Answers within the request: the output is the response, shaped. */
export interface SyncOperation extends OperationBase {
	mode: 'sync';
	/** An account-level read (Credits): asked once per run, one output item whatever comes in. */
	once?: boolean;
	run(ctx: OperationContext, itemIndex: number): Promise<Array<IDataObject | INodeExecutionData>>;
}

/** Starts a job: returns a task id that is then finished by the completion mode the user picked. */
export interface AsyncOperation extends OperationBase {
	mode: 'async';
	/** The response dialect of the task this job creates. */
	dialect: TaskDialect;
	/** Where to ask for the task's state. */
	pollPath(taskId: string): string;
	/** What only the submitter knows about the answer's shape (e.g. that the clips are stems). */
	taskOptions?: NormalizeOptions;
	/** The body field naming the clip this job works on; its value comes out as `sourceClipId` on every item. */
	sourceClipField?: string;
	/** Checks the item's input and builds the submit request; throws before anything is sent. */
	buildRequest(ctx: OperationContext, itemIndex: number): ApiRequest;
	/** An endpoint that takes many submits in one request (Batch Submit, opt-in). */
	batch?: { path: string; maxItems: number };
	/**
	 * Reads what only this operation's submit answer can say before its task id is looked for (e.g. that an upload
	 * inside the call failed); throws to fail the item.
	 */
	checkSubmitAnswer?(ctx: OperationContext, itemIndex: number, body: unknown): void;
	/** Whether the job this body starts makes a WAV, the file to attach (Producer → Download with Format WAV). */
	makesWav?(body: IDataObject): boolean;
}

export type Operation = SyncOperation | AsyncOperation;

export interface ResourceDefinition {
	value: string;
	name: string;
	description?: string;
	/** The operation a new node starts with; the first in the list when not set. */
	defaultOperation?: string;
	/**
	 * Legacy, deprecated or unavailable: its operations stay in the Operation dropdown for saved workflows, but not
	 * in n8n's node picker (see describeResource).
	 */
	legacy?: boolean;
	operations: Operation[];
}

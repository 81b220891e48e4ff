import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../../fake-musicapi';
import { itemMarker, itemOf } from './invariants';
import { PACE_S, type Rig } from './setup';

/** Input items whose prompts carry their index (so the fake's log says which item a create was for). */
export function markedItems(count: number, extra: (index: number) => string = () => ''): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ prompt: `reliability song ${itemMarker(index)}${extra(index)}` }));
}

/** Sonic → Create in poll mode over marked items; the node's pace equals the fake's rate limit. */
export function sonicBatch(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'sonic',
		operation: 'create',
		taskType: 'create_music',
		model: { __rl: true, mode: 'list', value: 'sonic-v5' },
		songMode: 'description',
		gptDescriptionPrompt: '={{ $json.prompt }}',
		completion: 'wait',
		resultOptions: { pollInterval: 0.02, timeout: 0.5 },
		requestOptions: { interval: PACE_S, retryDelay: 5, maxRetries: 3 },
		...overrides,
	};
}

function taskIdOf(body: unknown): string | undefined {
	const id = (body as { task_id?: unknown } | undefined)?.task_id;
	return typeof id === 'string' ? id : undefined;
}

/** Switches a fault on once `count` creates have been accepted: the next create (item `count`) meets it. */
export function faultAfterCreates(rig: Rig, createPath: RegExp, count: number, fault: Fault, times = 1): void {
	let accepted = 0;
	rig.tap.onResponse((exchange) => {
		if (exchange.method !== 'POST' || !createPath.test(exchange.path) || exchange.status !== 200) return;
		accepted++;
		if (accepted === count) rig.fake.injectFault({ method: 'POST', path: createPath }, fault, times);
	});
}

/** Calls `then` with the task id of item `index` as soon as MusicAPI has accepted its create. */
export function onTaskOfItem(rig: Rig, index: number, then: (taskId: string) => void): void {
	rig.tap.onResponse((exchange) => {
		if (exchange.method !== 'POST' || exchange.status !== 200) return;
		if (itemOf(exchange.requestBody) !== index) return;
		const taskId = taskIdOf(exchange.responseBody);
		if (taskId) then(taskId);
	});
}

/** Every audio file path (`/files/<clip>.mp3`) in an answer. */
export function audioPaths(body: unknown): string[] {
	return [...new Set(JSON.stringify(body ?? '').match(/\/files\/[^"?#\\]+\.mp3/g) ?? [])];
}

/** Breaks the downloads of item `index`'s audio files: the fault is set before the node learns the URLs. */
export function faultOnFilesOfItem(rig: Rig, index: number, fault: Fault): string[] {
	const broken: string[] = [];
	onTaskOfItem(rig, index, (taskId) => {
		rig.tap.onResponse((exchange) => {
			if (exchange.method !== 'GET' || !exchange.path.endsWith(`/${taskId}`)) return;
			for (const path of audioPaths(exchange.responseBody)) {
				if (broken.includes(path)) continue;
				broken.push(path);
				rig.fake.injectFault({ method: 'GET', path }, fault, Infinity);
			}
		});
	});
	return broken;
}

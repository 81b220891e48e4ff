/** "Wait for Callback" inside an AI agent's tool call waits by polling instead of parking the agent (issue 12). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { completionModeFor } from '../../../../nodes/MusicApi/jobs/finish';

function fn(mode: string, type: string, isToolExecution?: boolean, customData: object | null = {}) {
	const warn = jest.fn();
	return {
		warn,
		fn: {
			getNodeParameter: () => mode,
			getNode: () => ({ name: 'MusicAPI', type }),
			logger: { warn },
			...(customData === null ? {} : { customData }),
			...(isToolExecution === undefined ? {} : { isToolExecution: () => isToolExecution }),
		} as unknown as IExecuteFunctions,
	};
}

describe('completionModeFor', () => {
	it('keeps callback mode in a workflow', () => {
		const { fn: f, warn } = fn('callback', 'n8n-nodes-musicapi.musicApi', false);
		expect(completionModeFor(f)).toBe('callback');
		expect(warn).not.toHaveBeenCalled();
	});

	it.each([
		['the tool node type (<type>Tool)', 'n8n-nodes-musicapi.musicApiTool', undefined],
		['a supply-data context (isToolExecution)', 'n8n-nodes-musicapi.musicApi', true],
	])('falls back to polling as %s, with a log line', (_name, type, isTool) => {
		const { fn: f, warn } = fn('callback', type, isTool);
		expect(completionModeFor(f)).toBe('wait');
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/AI agent's tool.*polling/));
	});

	it('falls back to polling on an n8n without execution custom data (1.x), with a log line', () => {
		const { fn: f, warn } = fn('callback', 'n8n-nodes-musicapi.musicApi', false, null);
		expect(completionModeFor(f)).toBe('wait');
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/without execution custom data.*polling/));
	});

	it('leaves the other modes alone', () => {
		expect(completionModeFor(fn('submit', 'n8n-nodes-musicapi.musicApiTool').fn)).toBe('submit');
		expect(completionModeFor(fn('wait', 'n8n-nodes-musicapi.musicApiTool').fn)).toBe('wait');
	});
});

import { sleepUnlessCancelled } from '../../shared/transport/nodeError';
import type { ApiRequest, ApiResponse } from '../../shared/transport/MusicApiClient';
import type { OperationContext } from '../base/operation';

// The one place that asks again while MusicAPI answers 202 "still building" to a request (MIDI, sync answers).
// A 202 to a task poll is a task state instead (shared/tasks: pending), which the poll scheduler (poll.ts) waits out
// among the other jobs of the execution.

/**
 * Sends a request and asks again while MusicAPI answers 202 "still building" (MIDI, downloads); a 202 on the
 * last try is an error that says repeats are free.
 */
export async function requestWhileAccepted(
	ctx: OperationContext,
	itemIndex: number,
	request: ApiRequest,
	repeat: { attempts: number; delayMs: number },
): Promise<ApiResponse> {
	let response = await ctx.client.request(request, itemIndex);
	for (let i = 0; response.statusCode === 202 && i < repeat.attempts; i++) {
		ctx.fn.logger.info(`MusicAPI ${request.path}: still building (202); asking again in ${repeat.delayMs} ms`);
		await sleepUnlessCancelled(ctx.fn.getNode(), repeat.delayMs, ctx.client.cancelSignal);
		response = await ctx.client.request(request, itemIndex);
	}
	if (response.statusCode === 202) {
		throw ctx.client.error(
			{
				kind: 'not_ready',
				message: `MusicAPI is still preparing the answer to ${request.method} ${request.path}`,
				description: `MusicAPI answered "not ready" (202) ${repeat.attempts + 1} times. Run the node again in a minute (repeats are free), or raise "Retry Delay (Seconds)".`,
				details: { request: `${request.method} ${request.path}`, httpCode: '202' },
			},
			itemIndex,
		);
	}
	return response;
}

import { FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const create = {
	resource: 'sonic',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: 'sonic-v6' },
	songMode: 'description',
	gptDescriptionPrompt: 'uplifting synthwave',
};
const getTask = (taskId: string) => ({ resource: 'sonic', operation: 'getTask', taskId, resultOptions: { downloadAudio: false } });

async function submitted(description = create.gptDescriptionPrompt): Promise<string> {
	const result = await runMusicApi(fake(), { ...create, gptDescriptionPrompt: description, completion: 'submit' });
	return result.items[0].json.taskId as string;
}

// Issue 13: "done" means done (contract §4), and a final answer is not asked again.
describe('Task completion as the contract defines it', () => {
	it('waits past clips that say succeeded before their audio URL exists, and attaches the audio', async () => {
		fake().options.audioUrlLagMs = 300_000; // 300 ms real after each clip's end
		const result = await runMusicApi(fake(), { ...create, completion: 'wait', resultOptions: FAST_WAIT });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ state: 'succeeded', audioUrl: expect.stringMatching(/\.mp3$/) });
			expect(item.binary?.data.mimeType).toBe('audio/mpeg');
		}
	});

	it('Get Task reports such a task as still running, not as finished without audio', async () => {
		fake().options.audioUrlLagMs = 60_000_000; // 60 s at the harness's time scale: still missing when Get Task asks
		const taskId = await submitted();
		fake().advanceTime(1_000); // the job (60 ms at this scale) is over, the audio is not there yet

		const result = await runMusicApi(fake(), getTask(taskId));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ taskId, state: 'running' });
		expect(result.items[0].json.clips).toEqual([
			expect.objectContaining({ state: 'running' }),
			expect.objectContaining({ state: 'running' }),
		]);
	});

	it('Get Task takes the terminal 504 "Task failed due to timeout" as the failed job it is: asked once, not retried', async () => {
		const taskId = await submitted('synthwave [fake:timeout]');
		fake().advanceTime(61_000);
		fake().requests.length = 0;

		const result = await runMusicApi(fake(), getTask(taskId));
		expect(fake().requestsTo('GET', `/sonic/task/${taskId}`)).toHaveLength(1);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { taskId, state: 'failed', error: 'Task failed due to timeout. Credits were previously refunded.' }, pairedItem: { item: 0 } },
		]);
	});

	it('waiting ends at the terminal 504 with MusicAPI\'s reason, without asking again', async () => {
		const result = await runMusicApi(fake(), {
			...create,
			gptDescriptionPrompt: 'synthwave [fake:timeout]',
			completion: 'wait',
			resultOptions: { ...FAST_WAIT, downloadAudio: false },
		});

		const taskId = /job (\S+) failed/.exec(result.error?.message ?? '')?.[1] ?? '';
		expect(result.error?.message).toBe(`MusicAPI job ${taskId} failed: Task failed due to timeout. Credits were previously refunded.`);
		expect(result.error?.description).not.toMatch(/\.\./);
		const answers = fake().requestsTo('GET', `/sonic/task/${taskId}`).map((request) => request.status);
		expect(answers.filter((status) => status === 504)).toHaveLength(1);
		expect(answers[answers.length - 1]).toBe(504);
	});

	it('a failed job says once that the credits were refunded, without a double period', async () => {
		const result = await runMusicApi(fake(), { ...create, gptDescriptionPrompt: 'synthwave [fake:fail]', completion: 'wait', resultOptions: FAST_WAIT });

		expect(result.error?.message).toMatch(/failed: Song generation failed\. Credits have been refunded\.$/);
		expect(result.error?.description).not.toMatch(/\.\./);
	});
});

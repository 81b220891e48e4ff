import { RETIRED_2026_10 } from '../../fake-musicapi/defaults';
import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const create = (model: string) => ({
	resource: 'sonic',
	operation: 'create',
	taskType: 'create_music',
	model: { __rl: true, mode: 'list', value: model },
	songMode: 'description',
	gptDescriptionPrompt: 'uplifting synthwave',
	completion: 'wait',
	resultOptions: { ...FAST_WAIT, downloadAudio: false },
});

function hintsOf(result: Awaited<ReturnType<typeof runMusicApi>>): string[] {
	const runs = result.run.data.resultData.runData.MusicAPI ?? [];
	return runs.flatMap((run) => (run.hints ?? []).map((hint) => hint.message));
}

// Issue 13: answers that differ from what was asked, or from the documented shape.
describe('Answers MusicAPI shapes differently', () => {
	it("reads Studio's submit answer in its task envelope {code:\"success\", data:\"<id>\"}", async () => {
		fake().options.studioSubmitShape = 'envelope';
		const result = await runMusicApi(fake(), {
			resource: 'studio',
			operation: 'create',
			prompt: 'upbeat jazz fusion',
			lyricsType: 'instrumental',
			model: { __rl: true, mode: 'list', value: 'studio130-v1.5' },
			configMode: 'regular',
			completion: 'wait',
			resultOptions: { ...FAST_WAIT, downloadAudio: false },
		});

		expect(result.error).toBeUndefined();
		const taskId = result.items[0].json.taskId as string;
		expect(fake().requestsTo('GET', `/studio/task/${taskId}`).length).toBeGreaterThan(0);
		expect(result.items.map((item) => item.json.state)).toEqual(['succeeded', 'succeeded']);
	});

	it('says so in an execution hint and a log line when the model that ran is not the one asked', async () => {
		fake().options.retiredModels = { ...RETIRED_2026_10 };
		const result = await runMusicApi(fake(), create('sonic-v5'));

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.model)).toEqual(['sonic-v6', 'sonic-v6']);
		const expected = expect.stringMatching(/asked for model sonic-v5.*ran sonic-v6/);
		// Only the model hints: a paid manual run also suggests pinning its output.
		expect(hintsOf(result).filter((hint) => /model/.test(hint))).toEqual([expected]);
		expect(result.logs).toEqual(expect.arrayContaining([expected]));
	});

	it('says nothing when the model ran as asked', async () => {
		fake().options.retiredModels = { ...RETIRED_2026_10 };
		const result = await runMusicApi(fake(), create('sonic-v6'));

		expect(result.error).toBeUndefined();
		expect(hintsOf(result).filter((hint) => /model/.test(hint))).toEqual([]);
		expect(result.logs.filter((line) => /ran sonic-v6/.test(line))).toEqual([]);
	});

	it('asks for sonic-v6 by default: the model that runs and is billed since 2026-10 (contract §3.1.3, §7)', async () => {
		const result = await runMusicApi(fake(), {
			resource: 'sonic',
			operation: 'uploadCover',
			completion: 'submit',
			audioUrl: 'https://example.com/demo.mp3',
			gptDescriptionPrompt: 'jazz',
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload-cover')).toEqual([
			{ url: 'https://example.com/demo.mp3', mv: 'sonic-v6', custom_mode: false, gpt_description_prompt: 'jazz' },
		]);
	});
});

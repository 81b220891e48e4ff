import { stems } from '../../../nodes/MusicApi/actions/sonic/stems.operation';
import { deliveryItems } from '../../../nodes/MusicApiTrigger/items';
import { normalizeWebhookDelivery } from '../../../nodes/shared/tasks';
import { CREATE_BODY, post, startReceiver, submit } from '../../fake-musicapi/test-helpers';
import { FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

/** A finished song titled "Source Song", made at the fake so that its stems are titled after it. */
async function sourceClipId(): Promise<string> {
	const taskId = await submit(fake(), '/sonic/create', { ...CREATE_BODY, custom_mode: true, prompt: '[Verse] hi', title: 'Source Song' });
	fake().advanceTime(61_000);
	const answer = await fetch(`${fake().baseUrl}/sonic/task/${taskId}`, { headers: { Authorization: 'Bearer test-key' } });
	return ((await answer.json()) as { data: Array<{ clip_id: string }> }).data[0].clip_id;
}

// Issue 13: what the user gets out: file names, VOX's item, texts.
describe('Outputs', () => {
	it('names stem files once by song and stem: source-song-vocals-<id>.mp3', async () => {
		const clipId = await sourceClipId();
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'stems', separation: 'basic', clipId, completion: 'wait', resultOptions: FAST_WAIT });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.binary?.data.fileName)).toEqual([
			`source-song-vocals-${result.items[0].json.clipId as string}.mp3`,
			`source-song-instrumental-${result.items[1].json.clipId as string}.mp3`,
		]);
	});

	it('names a stem titled only by its stem once: vocals-<id>.mp3', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'stems', separation: 'basic', clipId: 'unknown-clip', completion: 'wait', resultOptions: FAST_WAIT });

		expect(result.items[0].binary?.data.fileName).toBe(`vocals-${result.items[0].json.clipId as string}.mp3`);
	});

	it('takes the 4-stem basic split of the 2026-10 docs as well as the 2-stem one, and says both in the description', async () => {
		fake().options.basicStems = ['vocals', 'drums', 'bass', 'other'];
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'stems', separation: 'basic', clipId: 'c1', completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } });

		expect(result.items.map((item) => item.json.stemType)).toEqual(['vocals', 'drums', 'bass', 'other']);
		expect(stems.description).toMatch(/2 stems.*15 credits.*4.*30/);
		expect(stems.credits).toMatch(/30/);
	});

	it('VOX returns camelCase like every other operation and can attach the segment', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'vox', clipId: 'clip-v-1', additionalFields: { vocalStart: 12, vocalEnd: 42 }, options: { downloadFile: true } });

		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toEqual({
			voxAudioId: expect.any(String),
			clipId: 'clip-v-1',
			status: 'complete',
			vocalStart: 12,
			vocalEnd: 42,
			audioUrl: expect.stringMatching(/\.mp3$/),
			waveform: expect.any(Array),
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: `vox-${item.json.voxAudioId as string}.mp3` });
	});

	it('a completion delivery whose clips lack their audio is not taken as done (trigger and callback read it alike)', async () => {
		const receiver = await startReceiver();
		try {
			fake().options.audioUrlLagMs = 60_000_000;
			const answer = await post(fake(), '/sonic/create', { ...CREATE_BODY, webhook_url: receiver.url });
			fake().advanceTime(61_000);
			await fake().waitForDeliveries(1);
			const delivery = normalizeWebhookDelivery(JSON.parse(receiver.received[0].body));

			expect(delivery.taskId).toBe(answer.body.task_id);
			expect(delivery.event).toBe('song.completed');
			expect(delivery.task.state).toBe('running');
			const { items } = deliveryItems(delivery, { deliveryId: 'd1', signatureVerified: true }, 'clip', false);
			for (const item of items) {
				expect(item.json.state).toBe('running');
				expect(item.json.audioUrl).toBeUndefined();
				expect(item.json.notice).toMatch(/before its audio.*Get Task/);
			}
		} finally {
			await receiver.close();
		}
	});
});

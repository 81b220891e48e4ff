import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const producer = { resource: 'producer', operation: 'create', completion: 'submit' };

// Issue 13: Producer task types of contract §3.6 and the Download → WAV file.
describe('Producer: every documented task type, and WAV files', () => {
	it('offers make_lyrics: a lyrics description in, lyrics out', async () => {
		const result = await runMusicApi(fake(), {
			...producer,
			taskType: 'make_lyrics',
			prompt: 'a song about night trains',
			completion: 'wait',
			resultOptions: FAST_WAIT,
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([{ task_type: 'make_lyrics', prompt: 'a song about night trains' }]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', lyrics: expect.stringContaining('[Verse]') });
		expect(result.items[0].binary).toBeUndefined();
	});

	it('offers video_clip: a clip in, its video out', async () => {
		const result = await runMusicApi(fake(), {
			...producer,
			taskType: 'video_clip',
			clipId: 'clip-7',
			completion: 'wait',
			resultOptions: { ...FAST_WAIT, downloadAudio: false },
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([{ task_type: 'video_clip', clip_id: 'clip-7' }]);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', videoUrl: expect.stringMatching(/\.mp4$/) });
	});

	it('Replace Section has no Lyrics field: a lyrics value left over from another type is not sent', async () => {
		const result = await runMusicApi(fake(), {
			...producer,
			taskType: 'replace_music',
			clipId: 'clip-1',
			startsAt: 10,
			endsAt: 20,
			lyrics: '[Verse] left over',
			instruction: 'add a guitar solo',
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([
			{ task_type: 'replace_music', clip_id: 'clip-1', starts_at: 10, ends_at: 20, instruction: 'add a guitar solo' },
		]);
	});

	it('Download with Format WAV attaches the WAV with the default Download Audio', async () => {
		const result = await runMusicApi(fake(), {
			resource: 'producer',
			operation: 'download',
			clipId: 'clip-123',
			format: 'wav',
			completion: 'wait',
			resultOptions: FAST_WAIT,
		});

		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toMatchObject({ state: 'succeeded', wavUrl: expect.stringMatching(/\.wav$/) });
		expect(item.binary?.data).toMatchObject({ mimeType: 'audio/wav', fileName: expect.stringMatching(/\.wav$/) });
		expect((await result.readBinary(item)).subarray(0, 4).toString('ascii')).toBe('RIFF');
	});

	it('Download with Format MP3 still attaches the MP3', async () => {
		const result = await runMusicApi(fake(), {
			resource: 'producer',
			operation: 'download',
			clipId: 'clip-123',
			format: 'mp3',
			completion: 'wait',
			resultOptions: FAST_WAIT,
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data.mimeType).toBe('audio/mpeg');
	});
});

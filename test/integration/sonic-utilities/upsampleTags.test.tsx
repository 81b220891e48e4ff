import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

describe('Sonic → Upsample Tags', () => {
	it('posts the tags and returns them with the expanded tags', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'upsampleTags', tags: 'synthwave, female vocals' });
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/upsample-tags');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ tags: 'synthwave, female vocals' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toEqual({
			tags: 'synthwave, female vocals',
			upsampledTags: expect.stringMatching(/^synthwave, female vocals, .+/),
		});
		expect(fake().credits().credits).toBe(99);
	});

	it('rejects empty tags without a request', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'upsampleTags', tags: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Style Tags: is required but empty');
		expect(fake().requestsTo('POST', '/sonic/upsample-tags')).toHaveLength(0);
	});
});

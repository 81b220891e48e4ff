import { invalid } from '../http/api-error';
import { fileUrl } from '../media/file-urls';
import { outcomeOf } from '../markers';
import { lyricsFromDescription, newId, randomDuration, titleFromDescription } from '../tasks/clip-factory';
import { isHttpUrl } from '../validation/checks';
import type { Route } from './route';
import { costOf, submitted, success } from './submit-helpers';

/** make-lyrics has no documented body (contract §3.5): a `prompt`, or `description` like /sonic/lyrics. */
function lyricPrompt(body: Record<string, unknown>): string | undefined {
	const value = body.prompt ?? body.description;
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** get-song's field name is not documented either; accept the likely spellings. */
function shareLink(body: Record<string, unknown>): unknown {
	return body.url ?? body.link ?? body.share_url;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const sunoLegacyRoutes: Route[] = [
	{
		method: 'POST',
		path: '/suno/make-lyrics',
		validate: (ctx) => {
			if (!lyricPrompt(ctx.body)) invalid('prompt is required.');
		},
		cost: (ctx) => costOf(ctx.state, 'suno/make-lyrics'),
		handle: (ctx) => {
			const prompt = lyricPrompt(ctx.body) ?? '';
			const task = ctx.state.tasks.create({
				dialect: 'suno-lyrics',
				apiKey: ctx.apiKey,
				operation: 'suno/make-lyrics',
				clips: [
					{
						clip_id: newId(),
						title: titleFromDescription(prompt),
						tags: '',
						negative_tags: '',
						lyrics: lyricsFromDescription(prompt),
						gpt_description_prompt: prompt,
						mv: 'lyrics',
						duration: '0.00',
						created_at: new Date().toISOString(),
					},
				],
				outcome: outcomeOf(ctx.body),
				charge: ctx.charge,
			});
			return submitted(ctx.state, task);
		},
	},
	{
		method: 'POST',
		path: '/suno/get-song',
		syncFailure: 'server-error',
		validate: (ctx) => {
			const link = shareLink(ctx.body);
			if (typeof link !== 'string' || link === '') invalid('url is required.');
			if (!isHttpUrl(link)) invalid("The 'url' field should be a valid http(s) URL.");
		},
		cost: (ctx) => costOf(ctx.state, 'suno/get-song'),
		handle: (ctx) => {
			const link = shareLink(ctx.body) as string;
			const clipId = UUID.exec(link)?.[0] ?? newId();
			const base = ctx.state.fileBase;
			return success({
				data: {
					clip_id: clipId,
					title: 'Shared Song',
					tags: 'indie pop, dreamy',
					lyrics: '[Verse]\nShared from a link\n[Chorus]\nPlaying on repeat',
					audio_url: fileUrl(base, clipId, 'mp3'),
					image_url: fileUrl(base, clipId, 'jpeg'),
					video_url: null,
					duration: randomDuration(),
					mv: 'chirp-v4',
					created_at: new Date().toISOString(),
					share_url: link,
				},
			});
		},
	},
];

import { urlField } from '../../descriptions/fields';
import { defineSync } from '../define';
import { answerData } from '../answers';

const url = urlField('url', 'url', {
	displayName: 'Share Link',
	placeholder: 'e.g. https://suno.com/song/…',
	description:
		'A Suno share link',
});

/** `POST /suno/get-song`: metadata of a shared Suno song, one item as MusicAPI sends it (contract §2.2). */
export const getSong = defineSync({
	value: 'getSong',
	name: 'Get Song',
	action: 'Get a song from a Suno share link',
	description: 'Legacy: read title, lyrics and audio URL of a song from its Suno share link (price not published)',
	credits: 'not published',
	method: 'POST',
	path: '/suno/get-song',
	fields: [url],
	shape: (body) => answerData(body),
});

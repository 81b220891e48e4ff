import { defineAsync } from '../define';
import { listField, numberField, optionsField, textField } from '../../descriptions/fields';
import { readSegments } from '../../input/checks';
import { noticeProperty, segmentsField } from '../../descriptions/resourceFields';

const VOCAL = { type: ['vocal'] };
const BGM = { type: ['bgm'] };

/** BGM tag lists take up to five entries each (create-nuro-bgm). */
const bgmList = (name: string, apiName: string, displayName: string, placeholder: string, what: string) =>
	listField(name, apiName, { displayName, placeholder: `e.g. ${placeholder}`, maxItems: 5, description: `${what} of the music.`, show: BGM });

const segments = segmentsField('segments', 'segments', {
	displayName: 'Segments',
	description: 'Optional sections of the track in order, each with a name and a length (v2.0 only)',
	show: { type: ['bgm'], version: ['v2.0'] },
});

const fields = [
	optionsField('type', 'type', {
		displayName: 'Type',
		options: [
			{ name: 'Vocal Song', value: 'vocal', description: 'A sung song from your lyrics (30–240 s)' },
			{ name: 'Background Music', value: 'bgm', description: 'Instrumental background music (1–60 s)' },
		],
		default: 'vocal',
		description: 'What Nuro makes',
	}),
	// Vocal song.
	textField('lyrics', 'lyrics', {
		displayName: 'Lyrics',
		required: true,
		maxLength: 2000,
		rows: 8,
		placeholder: 'e.g. [Verse]\n…',
		description: 'The lyrics to sing',
		show: VOCAL,
	}),
	optionsField('gender', 'gender', {
		displayName: 'Voice',
		options: [
			{ name: 'Female', value: 'Female' },
			{ name: 'Male', value: 'Male' },
		],
		default: 'Female',
		description: 'The singer\'s voice',
		show: VOCAL,
	}),
	textField('vocalGenre', 'genre', { displayName: 'Genre', placeholder: 'e.g. Pop', description: 'Genre of the song (one of Nuro\'s genre names)', show: VOCAL }),
	textField('vocalMood', 'mood', { displayName: 'Mood', placeholder: 'e.g. Happy', description: 'Mood of the song (one of Nuro\'s mood names)', show: VOCAL }),
	textField('timbre', 'timbre', { displayName: 'Timbre', placeholder: 'e.g. Warm', description: 'Character of the voice (one of Nuro\'s timbre names)', show: VOCAL }),
	numberField('vocalDuration', 'duration', {
		displayName: 'Duration (Seconds)',
		min: 30,
		max: 240,
		default: 120,
		description: 'Length of the song, 30–240 seconds',
		show: VOCAL,
	}),
	// Background music.
	textField('description', 'description', {
		displayName: 'Description',
		rows: 3,
		placeholder: 'e.g. calm lo-fi beat for a study video',
		description: 'What the background music is for and should sound like',
		show: BGM,
	}),
	bgmList('bgmGenres', 'genre', 'Genres', 'Lo-Fi, Jazz', 'Genres'),
	bgmList('bgmMoods', 'mood', 'Moods', 'Calm, Relaxed', 'Moods'),
	bgmList('instruments', 'instrument', 'Instruments', 'Piano, Drums', 'Instruments'),
	bgmList('themes', 'theme', 'Themes', 'Study, Vlog', 'Themes or uses'),
	numberField('bgmDuration', 'duration', {
		displayName: 'Duration (Seconds)',
		min: 1,
		max: 60,
		default: 60,
		description: 'Length of the music, 1–60 seconds',
		show: BGM,
	}),
	optionsField('version', 'version', {
		displayName: 'Version',
		options: [
			{ name: 'Default', value: '', description: 'The original BGM model' },
			{ name: 'V2.0', value: 'v2.0', description: 'The newer BGM model; accepts Segments' },
		],
		default: '',
		description: 'Which background music model to use',
		show: BGM,
	}),
	segments,
];

export const create = defineAsync({
	value: 'create',
	name: 'Create',
	action: 'Create a song or background music with Nuro',
	description: 'Vocal song or background music, one track per job (10 credits); retired on a sister host',
	credits: '10',
	path: '/nuro/create',
	dialect: 'nuro',
	extraProperties: [
		noticeProperty(
			'nuroRetiredNotice',
			'Nuro was retired on MusicAPI\'s sister host (it answers 410 Gone) and may be unavailable here too',
		),
	],
	fields,
	refine(ctx, itemIndex, body) {
		if (body.segments !== undefined) {
			const list = readSegments(ctx.fn, itemIndex, body.segments, segments.property.displayName);
			if (list.length) body.segments = list;
			else delete body.segments;
		}
		return body;
	},
});

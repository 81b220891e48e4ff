import { readFileSync } from 'fs';
import { join } from 'path';

import { findOperation } from '../../../../nodes/MusicApi/actions/registry';

/** Every operation that hands MusicAPI audio by URL (contract §3.3, §3.4, §3.6: no multipart upload exists). */
const AUDIO_INPUTS: Array<[string, string, string]> = [
	['sonic', 'upload', 'url'],
	['sonic', 'uploadCover', 'audioUrl'],
	['sonic', 'uploadExtend', 'audioUrl'],
	['sonic', 'sample', 'audioUrl'],
	['sonic', 'createVoice', 'audioUrl'],
	['producer', 'upload', 'url'],
	['riffusion', 'upload', 'url'],
];

// Issue 13: users hold audio as n8n files; the fields say what kind of URL MusicAPI can fetch.
describe('Audio URL fields', () => {
	it.each(AUDIO_INPUTS)('%s → %s: %s says public, direct link to the file, HTTPS', (resource, operation, name) => {
		const property = findOperation(resource, operation)?.properties.find((p) => p.name === name);
		expect(property?.description).toMatch(/public/i);
		expect(property?.description).toMatch(/direct link/i);
		expect(property?.description).toMatch(/HTTPS/);
		expect(property?.placeholder).toMatch(/https:\/\//);
	});

	it('README shows how to turn an n8n file into a URL MusicAPI can fetch', () => {
		const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Audio from an n8n file'));
		expect(section).toMatch(/S3/);
		expect(section).toMatch(/Google Drive/);
		expect(section).toMatch(/presigned|pre-signed/i);
		expect(section).toMatch(/no file \(multipart\)\s+upload/i);
	});
});

/** File names from clip titles and ids (issue 12): both cleaned the same way. */
import { baseFileName } from '../../../../nodes/shared/results/download';

describe('baseFileName', () => {
	it('keeps ordinary titles and ids readable', () => {
		expect(baseFileName('Night Drive', '3f2a-b1')).toBe('night-drive-3f2a-b1');
		expect(baseFileName('Café Déjà vu', 'a')).toBe('cafe-deja-vu-a');
		expect(baseFileName(undefined, 'abc')).toBe('abc');
	});

	it.each([
		['x-../../etc/passwd', 'x-etc-passwd'],
		['..\\..\\windows', 'windows'],
		['id\r\nX-Injected: 1', 'id-x-injected-1'],
		['a\u0000b\u001fc\u007fd', 'a-b-c-d'],
		['../', 'clip'],
	])('clip id %j → %j: no separators, "..", CR/LF or control characters', (clipId, expected) => {
		const name = baseFileName('', clipId);
		expect(name).toBe(expected);
		expect(name).toMatch(/^[a-z0-9-]+$/);
		expect(name).not.toContain('..');
	});

	it('titles with the same tricks are cleaned the same way, and long parts are cut', () => {
		expect(baseFileName('../../Evil\r\nTitle', 'id')).toBe('evil-title-id');
		expect(baseFileName('t'.repeat(100), 'i'.repeat(100))).toBe(`${'t'.repeat(60)}-${'i'.repeat(80)}`);
	});
});

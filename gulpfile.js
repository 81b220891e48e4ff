// Copies what tsc does not: icons, codex files (*.node.json) and __schema__ JSON, into dist/.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyNodeAssets() {
	return src(['nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		allowEmpty: true,
	}).pipe(dest('dist'));
}

exports['build:assets'] = parallel(copyIcons, copyNodeAssets);

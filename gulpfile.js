const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n reads icons and the codex (.node.json) from beside the compiled files.
function copyIconsAndCodex() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyIconsAndCodex;

const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n reads node and credential icons from beside the compiled files.
function copyIcons() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = copyIcons;

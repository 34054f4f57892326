import { configs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

// The community-nodes rules apply to the shipped code and to package.json (read by the TypeScript parser, as n8n's scanner does).
export default tseslint.config(
	{
		ignores: ['dist/**', 'node_modules/**', '.toolchain/**', '.n8n-app/**', 'out/**', 'coverage/**'],
	},
	{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
	{ files: ['package.json'], languageOptions: { parser: tseslint.parser } },
	{ files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'], ...configs.recommended },
);

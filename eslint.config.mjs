import { configs } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.toolchain/**', '.n8n-app/**', 'out/**', 'coverage/**'] },
	{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
	{ files: ['credentials/**/*.ts', 'nodes/**/*.ts'], ...configs.recommended },
);

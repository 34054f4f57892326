import { resolve } from 'path';

/** The repository's root folder, whatever the working directory. */
export const REPO_ROOT = resolve(__dirname, '../..');

/** The package's npm name, also the prefix of its node types in workflows (`n8n-nodes-bankconnect.bankConnect`). */
export const PACKAGE_NAME = 'n8n-nodes-bankconnect';

import { homedir } from 'os';
import { join, resolve } from 'path';
import { parseArgs } from 'util';

/** What `npm run dev` was asked for. */
export interface DevOptions {
	/** the editor's port; 0 picks a free one */
	port: number;
	/** the sandbox's port; 0 picks a free one */
	sandboxPort: number;
	/** n8n's user folder: its database (workflows, credentials, executions) and the installed package */
	userFolder: string;
}

export const USAGE = `Usage: npm run dev -- [options]
  --port N             the n8n editor's port, default 5678 (0 picks a free port)
  --sandbox-port N     the sandbox's port, default 4010 (0 picks a free port)
  --user-folder DIR    n8n's user folder, default ~/.n8n-bankconnect-dev; kept between runs,
                       so workflows you build there stay (delete it to start afresh)`;

function port(name: string, text: string | undefined, fallback: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`--${name} must be a port number (0 picks a free one)`);
	return value;
}

/** Command-line flags → options; 'help' for --help. */
export function parseDevOptions(argv: string[]): DevOptions | 'help' {
	const { values } = parseArgs({
		args: argv,
		options: {
			port: { type: 'string' },
			'sandbox-port': { type: 'string' },
			'user-folder': { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
		strict: true,
	});
	if (values.help) return 'help';
	return {
		port: port('port', values.port, 5678),
		sandboxPort: port('sandbox-port', values['sandbox-port'], 4010),
		userFolder: resolve(values['user-folder'] ?? join(homedir(), '.n8n-bankconnect-dev')),
	};
}

import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/**
 * The GitHub Actions workflows n8n's rules rest on: CI runs what .ci/run runs, and a version tag
 * publishes to npm with a provenance statement after the whole test suite passed. The YAML is checked
 * against GitHub's workflow schema offline (action-validator), then read for the settings that matter.
 */
const ROOT = join(__dirname, '../..');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
}

interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	steps: Step[];
}

interface Workflow {
	on: Record<string, { branches?: string[]; tags?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function source(path: string): string {
	return readFileSync(join(ROOT, path), 'utf8');
}

function workflow(path: string): Workflow {
	return parse(source(path)) as Workflow;
}

function onlyJob(flow: Workflow): Job {
	const jobs = Object.values(flow.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0];
}

/** The shell commands of the steps, in order. */
function runs(job: Job): string[] {
	return job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()]));
}

describe('workflow YAML against GitHub’s schema', () => {
	test.each(['.github/workflows/ci.yml', '.github/workflows/publish.yml'])('%s is a valid workflow', (path) => {
		expect(validateWorkflow(source(path)).errors).toEqual([]);
	});

	test('the validator rejects a job without runs-on or steps (it really checks)', () => {
		const broken = 'on: push\njobs:\n  test:\n    step:\n      - run: bash scripts/test.sh\n';
		expect(validateWorkflow(broken).errors).not.toEqual([]);
	});
});

describe('ci.yml', () => {
	const flow = workflow('.github/workflows/ci.yml');
	const job = onlyJob(flow);

	test('runs on every push to a branch and on pull requests', () => {
		expect(flow.on.push).toEqual({ branches: ['**'] });
		expect(flow.on).toHaveProperty('pull_request');
	});

	test('runs the commands of .ci/run, in order, on ubuntu with the system Node', () => {
		const ciRun = source('.ci/run')
			.split('\n')
			.filter((line) => line && !line.startsWith('#') && !/^(set |cd )/.test(line));
		expect(ciRun[0]).toBe('bash scripts/test.sh');
		expect(runs(job)).toEqual(ciRun);
		expect(job['runs-on']).toMatch(/^ubuntu-/);
		expect(job.steps.filter((step) => step.uses?.startsWith('actions/setup-node'))).toEqual([]);
	});

	test('may only read the repository', () => {
		expect(flow.permissions).toEqual({ contents: 'read' });
	});
});

describe('publish.yml', () => {
	const flow = workflow('.github/workflows/publish.yml');
	const job = onlyJob(flow);

	test('runs on version tags only', () => {
		expect(flow.on).toEqual({ push: { tags: ['v*'] } });
	});

	test('may mint the OIDC token provenance needs, and only read the repository', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(flow.permissions).toEqual({ contents: 'read' });
	});

	test('sets up Node 24 with the npm registry, so NODE_AUTH_TOKEN is used', () => {
		const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with).toEqual({ 'node-version': '24', 'registry-url': 'https://registry.npmjs.org' });
	});

	test('publishes with provenance, after the whole test suite, with the token from secrets', () => {
		const commands = runs(job);
		const publish = commands.indexOf('npm publish --provenance --access public');
		expect(publish).toBe(commands.length - 1);
		expect(commands.slice(0, publish)).toContain('bash scripts/test.sh');
		expect(job.steps[job.steps.length - 1].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	test('stops before the test suite when the NPM_TOKEN secret is missing', () => {
		const guard = job.steps.findIndex((step) => step.run?.includes('[ -z "$NODE_AUTH_TOKEN" ]'));
		const suite = job.steps.findIndex((step) => step.run?.trim() === 'bash scripts/test.sh');
		expect(guard).toBeGreaterThanOrEqual(0);
		expect(guard).toBeLessThan(suite);
		expect(job.steps[guard].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	test('refuses a tag that is not the version in package.json', () => {
		expect(commands(job)).toMatch(/require\("\.\/package\.json"\)\.version/);
		expect(commands(job)).toMatch(/\$GITHUB_REF_NAME/);
	});
});

describe('package.json of the published package', () => {
	const manifest = JSON.parse(source('package.json')) as {
		repository: { url: string };
		publishConfig?: Record<string, unknown>;
		engines: { node: string };
	};

	test('names the public GitHub repository npm checks the provenance against', () => {
		expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/n8n-nodes-bankconnect\.git$/);
	});

	test('asks npm for provenance on every publish, so a publish from a laptop fails', () => {
		expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
	});

	test('engines names the Node the README says the package needs', () => {
		const minimum = /^>=(\d+\.\d+)$/.exec(manifest.engines.node)?.[1];
		const install = source('README.md').split(/^## Install$/m)[1]?.split(/^## /m)[0] ?? '';
		expect(install).toContain(`Node ${minimum} or newer`);
	});
});

function commands(job: Job): string {
	return runs(job).join('\n');
}

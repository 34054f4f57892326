/**
 * Loaded before every test file (jest `setupFilesAfterEnv`). Loading nock patches Node's http
 * module, which every test file of a jest worker shares: a file that left nock on would make the
 * next file's real requests (to the sandbox) fail with "Nock: No match". So nock starts off in
 * every file, files that mock the API switch it on with `useNock()`, and it is switched off again
 * after each file whatever the file did.
 */
import nock from 'nock';

nock.restore();

afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});

/** For a test file that mocks HTTP with nock: on, with no real network, for this file only. */
export function useNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
}

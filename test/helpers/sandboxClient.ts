/** Moved to test/harness/; kept until the sandbox's own tests (test/sandbox/) import it from there. */
export * from '../harness/sandboxClient';

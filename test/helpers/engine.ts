/** The engine harness lives in scripts/engine/ so the demo runner (`npm run demo`) uses the same code as the tests. */
export * from '../../scripts/engine';

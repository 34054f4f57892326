/** The engine harness lives in scripts/engine/ so the demo runner (`npm run demo`) uses the same code as the tests. */
export * from '../../scripts/engine';

/** The node types and credentials helper runWorkflow uses, for harnesses that build n8n contexts themselves (test/helpers/triggerHarness.ts). */
export async function enginePieces(
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper }> {
	const loader = await loadPackage();
	return { nodeTypes: new PackageNodeTypes(loader), credentialsHelper: new TestCredentialsHelper(loader, credentials) };
}

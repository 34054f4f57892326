import { prepareN8nEnvironment } from './n8nEnvironment';

/** Once per `npm test`: one n8n environment, which every jest worker inherits. */
export default function globalSetup(): void {
	prepareN8nEnvironment();
}

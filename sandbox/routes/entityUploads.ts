import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findBank } from '../banks';
import type { SandboxContext } from '../context';
import type { EntityRecord } from '../store/types';
import { isFormRequest, receiveForm } from '../uploads/receive';
import { readUpload, uploadFraud } from '../uploads/read';
import { statementSource, type SourceKind } from '../uploads/source';
import { storeStatement } from '../uploads/store';
import { FAILURE_MESSAGES } from '../statements/types';
import { fieldError } from './forms';

export const WRONG_CONTENT_TYPE = fieldError(
	'file',
	'This field must be present as a form field. Send request with content type x-www-form-urlencoded or form-data',
);
export const DUPLICATE_MESSAGE = 'A duplicate statement has been detected';
export const OTHER_ACCOUNT_MESSAGE = 'This entity accepts statements of a single account only';
const NOT_A_FILE = 'The submitted data was not a file. Check the encoding type on the form.';

interface UploadRoute {
	path: string;
	source: SourceKind;
	bankKnown: boolean;
}

const ROUTES: UploadRoute[] = [
	{ path: '/statement/upload/', source: 'file', bankKnown: true },
	{ path: '/statement/upload_base64/', source: 'base64', bankKnown: true },
	{ path: '/statement/bankless_upload/', source: 'file', bankKnown: false },
	{ path: '/statement/bankless_upload_base64/', source: 'base64', bankKnown: false },
];

/** The four classic upload routes: file part or URL, base64, with or without `bank_name`. */
export function registerEntityUploadRoutes(api: FastifyInstance, context: SandboxContext): void {
	for (const route of ROUTES) {
		api.post(route.path, (request, reply) => uploadToEntity(context, route, request, reply));
	}
}

async function uploadToEntity(context: SandboxContext, route: UploadRoute, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
	if (!isFormRequest(request)) return reply.code(400).send(WRONG_CONTENT_TYPE);
	const form = await receiveForm(request, context.files, context.multipart);
	const { fields } = form;
	/** a 400 before the file was taken: drop the stored part, if any */
	const refuse = async (body: Record<string, string[]>): Promise<unknown> => {
		if (form.filePart) await context.files.discard(form.filePart);
		return reply.code(400).send(body);
	};

	const missing: Record<string, string[]> = {};
	const hasFile = form.filePart !== null || Boolean(fields.file) || (route.source === 'file' && Boolean(fields.file_url));
	if (!hasFile) Object.assign(missing, fieldError('file'));
	if (route.bankKnown && !fields.bank_name) Object.assign(missing, fieldError('bank_name'));
	if (Object.keys(missing).length > 0) return refuse(missing);

	const bank = route.bankKnown ? findBank(fields.bank_name) : undefined;
	if (route.bankKnown && !bank) return refuse(fieldError('bank_name', `"${fields.bank_name}" is not a valid choice.`));
	let entity: EntityRecord | undefined;
	if (fields.entity_id) {
		entity = context.state.entities.get(fields.entity_id);
		if (!entity) return refuse(fieldError('entity_id', 'No entity with this entity_id.'));
	}

	const source = await statementSource(form, context.files, route.source);
	if ('problem' in source) {
		if (source.problem === 'invalid_base64') return refuse(fieldError('file', 'Invalid Base 64 string'));
		if (source.problem === 'invalid_url') return refuse(fieldError('file_url', 'This file url is invalid'));
		if (source.problem === 'not_a_file') return refuse(fieldError('file', NOT_A_FILE));
		return refuse(fieldError('file'));
	}
	const file = source.file;
	request.sandbox.sha256 = file.sha256;
	// the API creates the entity before it looks at the file, so failed uploads still return one
	entity ??= context.state.createEntity({});
	const owner = entity;
	const fail = async (message: string): Promise<unknown> => {
		await context.files.discard(file);
		return reply.code(400).send({ entity_id: owner.id, message });
	};

	const isDuplicate = (): boolean => context.state.statementsOf(owner.id).some((s) => s.sha256 === file.sha256);
	if (isDuplicate()) return fail(DUPLICATE_MESSAGE);
	const outcome = await readUpload(context, file, fields.pdf_password);
	if ('failure' in outcome) {
		// a mismatch needs a bank detected in the file; a file whose bank cannot be found is simply unreadable
		if (bank && outcome.failure === 'BANK_NAME_UNDETECTED') return fail(FAILURE_MESSAGES.STATEMENT_UNSUPPORTED_FORMAT);
		return fail(outcome.message);
	}
	const { parsed } = outcome;
	// checked again: the same file may have arrived concurrently while this one was parsed
	if (isDuplicate()) return fail(DUPLICATE_MESSAGE);
	if (bank && parsed.bank !== bank.id) return fail(`Not ${bank.id} bank statement`);
	if (owner.isSingleAccount) {
		const others = context.state.accountsOf(owner.id);
		if (others.some((a) => a.bank !== parsed.bank || a.accountNumber !== parsed.identity.account_number)) {
			return fail(OTHER_ACCOUNT_MESSAGE);
		}
	}

	const { statement, account } = storeStatement(context, { entityId: owner.id, sessionId: null }, file, parsed, fields.pdf_password);
	const fraud = uploadFraud(account.id, statement.id, parsed);
	context.processing.schedule(statement);

	const brief = { entity_id: owner.id, statement_id: statement.id, bank_name: parsed.bank };
	if ((request.query as Record<string, string | undefined>).identity !== 'true') return brief;
	return {
		bank_name: parsed.bank,
		statement_id: statement.id,
		entity_id: owner.id,
		date_range: { from_date: parsed.fromDate, to_date: parsed.toDate },
		is_fraud: fraud.is_fraud,
		identity: {
			account_id: account.id,
			account_number: parsed.identity.account_number,
			address: parsed.identity.address,
			name: parsed.identity.name,
		},
		fraud_type: fraud.fraud_type,
	};
}

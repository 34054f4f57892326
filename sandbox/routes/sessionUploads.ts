import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findBank } from '../banks';
import { MalformedBodyError } from '../bodies';
import type { SandboxContext } from '../context';
import { monthsBetween } from '../statements/dates';
import { maskAccountNumber, progressItems, requiredMonths, statementMonths } from '../sessionViews';
import type { StatementFailure } from '../statements/types';
import { isFormRequest, receiveForm, type ReceivedForm } from '../uploads/receive';
import { readUpload, uploadFraud } from '../uploads/read';
import { statementSource, type SourceProblem } from '../uploads/source';
import { storeStatement } from '../uploads/store';

/** The messages of the vendor's error table for `upload_session/`. */
const UPLOAD_ERRORS: Record<string, [number, string]> = {
	SESSION_NOT_FOUND: [404, 'The provided Session ID is invalid'],
	SESSION_DELETED: [410, 'The session has been deleted'],
	WRONG_CONTENT_TYPE: [400, 'This field must be present as a form field. Send request with content type x-www-form-urlencoded or form-data'],
	INVALID_FILE_OBJECT: [400, 'File object is invalid'],
	INVALID_FILE_URL: [400, 'This file url is invalid'],
	MISSING_FILE_OBJECT: [400, 'This file object is required'],
	INVALID_BASE_64: [400, 'Invalid Base 64 string'],
	INVALID_BANK_NAME: [400, 'Invalid bank identifier.'],
	INVALID_ACCOUNT_CATEGORY: [400, "'account_category' should be 'SAVINGS', 'CURRENT' or 'OVERDRAFT'"],
	PASSWORD_INCORRECT: [400, 'The provided password is incorrect'],
	STATEMENT_UNSUPPORTED_FORMAT: [400, 'The statement format is not supported'],
	BANK_NAME_UNDETECTED: [400, 'Unable to detect bank. Please provide BANK NAME.'],
	PDF_IS_IMAGE: [400, 'Scanned images are not supported'],
	OUT_OF_DATE_RANGE: [400, 'No transactions in expected date range'],
	STATEMENT_DUPLICATE: [400, 'A duplicate statement has been detected'],
	// not in the vendor's table: a session past its expiry or already sent to processing
	SESSION_EXPIRED: [400, 'The session has expired'],
	SESSION_CLOSED: [400, 'Processing was already requested for this session; it takes no more uploads'],
};

const ACCOUNT_CATEGORIES = ['SAVINGS', 'CURRENT', 'OVERDRAFT'];

const SOURCE_ERRORS: Record<SourceProblem, string> = {
	missing: 'MISSING_FILE_OBJECT',
	invalid_base64: 'INVALID_BASE_64',
	invalid_url: 'INVALID_FILE_URL',
	not_a_file: 'INVALID_FILE_OBJECT',
};

/** `POST /v1/statement/upload_session/`: a PDF part, a base64 string or a `file_url`, to a session. */
export function registerSessionUploadRoutes(api: FastifyInstance, context: SandboxContext): void {
	api.post('/statement/upload_session/', (request, reply) => uploadToSession(context, request, reply));
}

async function uploadToSession(context: SandboxContext, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
	let sessionId = '';
	const fail = (code: string, statementId = '', message?: string): FastifyReply => {
		const [status, text] = UPLOAD_ERRORS[code] ?? [400, code];
		const errorCode = code === 'WRONG_CONTENT_TYPE' ? 'INVALID_FILE_OBJECT' : code;
		return reply.code(status).send({ session_id: sessionId, statement_id: statementId, error: { code: errorCode, message: message ?? text } });
	};
	if (!isFormRequest(request)) return fail('WRONG_CONTENT_TYPE');
	let form: ReceivedForm;
	try {
		form = await receiveForm(request, context.files, context.multipart);
	} catch (error) {
		// the session API answers an unreadable form in its own envelope; a stalled body still gets the 408
		if (error instanceof MalformedBodyError) return fail('INVALID_FILE_OBJECT');
		throw error;
	}
	const { fields } = form;
	const refuse = async (code: string, message?: string): Promise<FastifyReply> => {
		if (form.filePart) await context.files.discard(form.filePart);
		return fail(code, '', message);
	};

	const session = fields.session_id ? context.state.sessions.get(fields.session_id) : undefined;
	if (!session) return refuse('SESSION_NOT_FOUND');
	sessionId = session.id;
	if (session.deleted) return refuse('SESSION_DELETED');
	if (session.expired) return refuse('SESSION_EXPIRED');
	if (session.processingRequestedAt !== null) return refuse('SESSION_CLOSED');

	// required by the contract (seed 004 and today's docs): it decides whether `file` is a file or base64 text
	if (!fields.upload_type) return refuse('INVALID_REQUEST', 'upload_type, This field is required.');
	const uploadType = fields.upload_type.toUpperCase();
	if (uploadType !== 'PDF' && uploadType !== 'BASE64') return refuse('INVALID_REQUEST', `upload_type, "${fields.upload_type}" is not a valid choice.`);
	const bank = fields.bank_name ? findBank(fields.bank_name) : undefined;
	if (fields.bank_name && !bank) return refuse('INVALID_BANK_NAME');
	if (fields.account_category && !ACCOUNT_CATEGORIES.includes(fields.account_category.toUpperCase())) return refuse('INVALID_ACCOUNT_CATEGORY');

	const source = await statementSource(form, context.files, uploadType === 'BASE64' ? 'base64' : 'file');
	if ('problem' in source) return refuse(SOURCE_ERRORS[source.problem]);
	const file = source.file;
	request.sandbox.sha256 = file.sha256;
	const rejectFile = async (code: string, statementId = '', message?: string): Promise<FastifyReply> => {
		await context.files.discard(file);
		return fail(code, statementId, message);
	};

	const duplicateOf = () => context.state.statementsOf(session.id).find((s) => s.sha256 === file.sha256);
	const duplicate = duplicateOf();
	if (duplicate) return rejectFile('STATEMENT_DUPLICATE', duplicate.id);
	const outcome = await readUpload(context, file, fields.pdf_password);
	if ('failure' in outcome) {
		// a mismatch needs a bank detected in the file: with bank_name given, an undetectable file is unreadable
		const failure: StatementFailure = bank && outcome.failure === 'BANK_NAME_UNDETECTED' ? 'STATEMENT_UNSUPPORTED_FORMAT' : outcome.failure;
		return rejectFile(failure);
	}
	const { parsed } = outcome;
	// checked again: the same file may have arrived concurrently while this one was parsed
	const concurrent = duplicateOf();
	if (concurrent) return rejectFile('STATEMENT_DUPLICATE', concurrent.id);
	if (session.deleted) return rejectFile('SESSION_DELETED');
	if (session.processingRequestedAt !== null) return rejectFile('SESSION_CLOSED');
	if (bank && parsed.bank !== bank.id) return rejectFile('BANK_NAME_MISMATCH', '', `Not ${bank.id} bank statement`);
	const inRange = parsed.lines.some((l) => {
		const day = l.date.slice(0, 10);
		return day >= session.fromDate && day <= session.toDate;
	});
	if (!inRange && !session.acceptAnything) return rejectFile('OUT_OF_DATE_RANGE');

	const { statement, account } = storeStatement(context, { entityId: null, sessionId: session.id }, file, parsed, fields.pdf_password);
	const fraud = uploadFraud(account.id, statement.id, parsed);
	const covered = new Set(context.state.statementsOfAccount(account.id).flatMap(statementMonths));
	const query = request.query as Record<string, string | undefined>;
	return {
		bank_name: parsed.bank,
		statement_id: statement.id,
		page_count: parsed.pageCount,
		identity: {
			account_number: parsed.identity.account_number,
			name: parsed.identity.name,
			address: parsed.identity.address,
			ifsc: parsed.identity.ifsc,
			micr: parsed.identity.micr,
			account_category: parsed.identity.account_category,
			credit_limit: 0,
			od_limit: 0,
			account_id: account.id,
			bank_name: parsed.bank,
		},
		date_range: { from_date: parsed.fromDate, to_date: parsed.toDate },
		opening_date: parsed.fromDate,
		opening_bal: parsed.openingBalance,
		closing_bal: parsed.closingBalance,
		is_fraud: fraud.is_fraud,
		fraud_type: fraud.fraud_type,
		metadata_analysis: { name_matches: [] },
		country_code: 'IN',
		currency_code: 'INR',
		extracted_date_range: { from_date: parsed.fromDate, to_date: parsed.toDate },
		account_id: account.id,
		masked_account_number: maskAccountNumber(parsed.identity.account_number),
		months: monthsBetween(parsed.fromDate, parsed.toDate),
		missing_months: requiredMonths(session).filter((m) => !covered.has(m)),
		status: 1,
		session_id: session.id,
		...(query.progress === 'true' ? { progress: progressItems(context.state, session) } : {}),
	};
}

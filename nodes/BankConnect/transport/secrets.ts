/**
 * The secrets a server's answer must never pass on into an error, an item or a log line: those of
 * the credentials the node uses, the ACCESS_TOKENs signed while the request was out, the secret
 * fields of the request itself (a PDF password) and the node's secret parameters (a webhook secret).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { accessTokensBetween, secretValuesOf } from '../../../credentials/BankConnectApi.credentials';
import { secretForms } from './redact';
import type { ApiRequest, RequestContext } from './request';

/** Form fields whose value is a secret. */
const SECRET_FIELDS = ['pdf_password', 'api_key'];

/** Fields of another credential the node uses (e.g. a webhook secret) that hold secrets, by name. */
const SECRET_FIELD_NAME = /key|hash|secret|token|password/i;

/** Node parameters that hold secrets, by name (the trigger's Secret, PDF Password). */
const SECRET_PARAMETER_NAME = /secret|password/i;

/** When the request went out and when its answer came: the ACCESS_TOKENs signed in between are its secrets. */
export interface SendWindow {
	sentAtMs: number;
	answeredAtMs: number;
}

type NodeCredentials = Array<[type: string, data: ICredentialDataDecryptedObject]>;

/** Read once per context (one node run, one webhook call), not once per request. */
const credentialsByContext = new WeakMap<object, Promise<NodeCredentials>>();

async function readNodeCredentials(context: RequestContext, credentialType: string): Promise<NodeCredentials> {
	const types = new Set([credentialType, ...Object.keys(context.getNode().credentials ?? {})]);
	const found: NodeCredentials = [];
	for (const type of types) {
		try {
			found.push([type, await context.getCredentials(type)]);
		} catch {
			// a credential the node does not have set: it cannot have been sent either
		}
	}
	return found;
}

function nodeCredentials(context: RequestContext, credentialType: string): Promise<NodeCredentials> {
	let read = credentialsByContext.get(context);
	if (!read) {
		read = readNodeCredentials(context, credentialType);
		credentialsByContext.set(context, read);
	}
	return read;
}

function requestSecrets(request: ApiRequest): string[] {
	const fields: Record<string, unknown> = { ...request.form, ...request.streamedMultipart?.fields };
	return SECRET_FIELDS.map((name) => fields[name]).filter((value): value is string => typeof value === 'string');
}

/** Secret parameters typed into the node (an expression's value is not known here: the request's fields cover those). */
function parameterSecrets(parameters: unknown): string[] {
	if (typeof parameters !== 'object' || parameters === null) return [];
	return Object.entries(parameters).flatMap(([name, value]) => {
		if (typeof value === 'string') return SECRET_PARAMETER_NAME.test(name) && !value.startsWith('=') ? [value] : [];
		return parameterSecrets(value);
	});
}

function secretsOfCredential(type: string, data: ICredentialDataDecryptedObject, credentialType: string, window: SendWindow): string[] {
	if (type === credentialType) {
		return [...secretValuesOf(data), ...accessTokensBetween(data, window.sentAtMs, window.answeredAtMs)];
	}
	return Object.entries(data)
		.filter(([name, value]) => SECRET_FIELD_NAME.test(name) && typeof value === 'string')
		.map(([, value]) => value as string);
}

/**
 * Where each secret is replaced. In an error answer, every one. In data (a 2xx body that becomes
 * items) only the credentials' secrets, random strings that cannot be part of the data: a PDF
 * password is often a date of birth or a few digits, which an amount, a date or a note may contain.
 */
export interface KnownSecrets {
	/** Forms of every secret, for an error built from the answer. */
	inErrors: string[];
	/** Forms of the credentials' secrets, for a successful answer. */
	inData: string[];
}

/** Every form in which a secret of this request may come back, ready for `redactText`. */
export async function knownSecrets(
	context: RequestContext,
	credentialType: string,
	request: ApiRequest,
	window: SendWindow,
): Promise<KnownSecrets> {
	const credentialSecrets: string[] = [];
	for (const [type, data] of await nodeCredentials(context, credentialType)) {
		credentialSecrets.push(...secretsOfCredential(type, data, credentialType, window));
	}
	const typedSecrets = [...requestSecrets(request), ...parameterSecrets(context.getNode().parameters)];
	return { inErrors: secretForms([...credentialSecrets, ...typedSecrets]), inData: secretForms(credentialSecrets) };
}

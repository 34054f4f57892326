import type { IDataObject } from 'n8n-workflow';

import { apiRequest, apiRequestAllItems, list, mustHold, text } from '../transport';
import type { FormFields, RequestContext } from '../transport';
import { analysisAnswerProblem } from './analysisShape';
import { recordWrite } from './runLedger';
import { segment } from './segment';
import type { AnalysisField, AnalysisResponses, Entity, LinkOverview, StatementPdfList } from './types';

const ENTITIES = '/v1/entity/';

function entityPath(entityId: string, endpoint = ''): string {
	return `${ENTITIES}${segment(entityId)}/${endpoint === '' ? '' : `${endpoint}/`}`;
}

/** The form of `POST /v1/entity/`; undefined fields are not sent. */
export interface EntityForm extends FormFields {
	link_id: string | undefined;
	is_single_account: boolean;
	meta_data: string | undefined;
}

/** POST /v1/entity/: a new entity. */
export async function createEntity(context: RequestContext, form: EntityForm, itemIndex?: number): Promise<Entity> {
	const entity = await apiRequest<Entity>(context, { method: 'POST', path: ENTITIES, form, itemIndex });
	recordWrite(context, itemIndex, 'entity created', { ...entity });
	return entity;
}

/** GET /v1/entity/<entity_id>/ */
export async function getEntity(context: RequestContext, entityId: string, itemIndex?: number): Promise<Entity> {
	return await apiRequest<Entity>(context, {
		method: 'GET',
		path: entityPath(entityId),
		resource: `entity ${entityId}`,
		itemIndex,
		answerProblem: mustHold(text('entity_id')),
	});
}

/** GET /v1/entity/ page by page, optionally only one link_id's, at most `limit`. */
export async function listEntities(
	context: RequestContext,
	linkId: string | undefined,
	options: { limit?: number; itemIndex?: number },
): Promise<Entity[]> {
	const query: IDataObject = linkId ? { link_id: linkId } : {};
	return await apiRequestAllItems<Entity>(context, ENTITIES, query, options);
}

/** GET /v1/entity/link_overview/?link_id= */
export async function getLinkOverview(context: RequestContext, linkId: string, itemIndex?: number): Promise<LinkOverview> {
	return await apiRequest<LinkOverview>(context, {
		method: 'GET',
		path: `${ENTITIES}link_overview/`,
		query: { link_id: linkId },
		itemIndex,
		answerProblem: mustHold(list('progress_data')),
	});
}

/** GET /v1/entity/<entity_id>/get_pdfs/: the entity's statements with their PDF links. */
export async function getEntityPdfs(context: RequestContext, entityId: string, itemIndex?: number): Promise<StatementPdfList> {
	return await apiRequest<StatementPdfList>(context, {
		method: 'GET',
		path: entityPath(entityId, 'get_pdfs'),
		resource: `entity ${entityId}`,
		itemIndex,
		answerProblem: mustHold(list('statements')),
	});
}

/** GET /v1/entity/<entity_id>/<field>/: one analysis read (accounts, transactions, salary, monthly analysis…). */
export async function getEntityAnalysis<Field extends AnalysisField>(
	context: RequestContext,
	entityId: string,
	field: Field,
	itemIndex?: number,
	filter?: { accountId?: string },
): Promise<AnalysisResponses[Field]> {
	return await apiRequest<AnalysisResponses[Field]>(context, {
		method: 'GET',
		path: entityPath(entityId, field),
		query: filter?.accountId === undefined ? undefined : { account_id: filter.accountId },
		resource: `entity ${entityId}`,
		itemIndex,
		answerProblem: (answer) => analysisAnswerProblem(field, answer),
	});
}

import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getPdfs from './getPdfs.operation';
import * as linkOverview from './linkOverview.operation';

export const entityOperations: Record<string, Operation> = { create, get, getMany, linkOverview, getPdfs };

export const entityDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['entity'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an entity', description: 'Create an entity for a customer' },
			{ name: 'Get', value: 'get', action: 'Get an entity', description: 'Get an entity by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many entities', description: 'List entities, optionally by link ID' },
			{ name: 'Get PDFs', value: 'getPdfs', action: 'Get the statement PDFs of an entity', description: 'List the uploaded statements, optionally downloading each PDF' },
			{ name: 'Link Overview', value: 'linkOverview', action: 'Get the overview of a link ID', description: 'Entities, banks and months processed under a link ID' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...linkOverview.description,
	...getPdfs.description,
];

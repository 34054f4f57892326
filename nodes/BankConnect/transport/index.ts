export { apiRequest, sendWithRetries, CREDENTIAL_TYPE } from './request';
export type { ApiRequest, FormFields, RequestContext } from './request';
export { apiRequestAllItems } from './pagination';
export { downloadFile } from './download';
export type { DownloadedFile } from './download';
export * from './errors';

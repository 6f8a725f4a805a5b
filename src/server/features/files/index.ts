// What other features may use of files: the gate for attaching file ids, the upload checks, and the
// service that stores photos. Everything else here is the feature's own.
export { attachableFiles, canReadFile } from './access.js';
export { isXlsx, photoTypes, sniffMime } from './content-type.js';
export { filesJobs } from './jobs.js';
export { filesRoutes } from './routes.js';
export { createFilesService, type FilesDeps, type FilesService } from './service.js';
export { findFiles } from './repository.js';

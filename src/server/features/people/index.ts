// What other features may import from `people`; everything else in the folder is its own.
export { phoneColumns } from './identity-fields.js';
export { findHousehold, findResident, gridNames } from './repository.js';
export { dateText, gridCodeOfPath } from './service.js';

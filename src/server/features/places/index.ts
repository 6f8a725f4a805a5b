// What other features may import from `places`; everything else in the folder is its own.
export { metresBetween } from './geometry.js';
export type { GridLocator } from './locator.js';
export { findByCode, findByCodes, listByIds } from './repository.js';
export { placeOfQrToken } from './qr-posters.js';

// What other features (and api.ts's wiring) may import from `orgs`; everything else in the folder is its own.
export { movePartyOrgsOfPlaces as carryPartyOrgs } from './repository.js';

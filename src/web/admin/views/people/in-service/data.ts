export { shortAddress } from '../volunteers/data';

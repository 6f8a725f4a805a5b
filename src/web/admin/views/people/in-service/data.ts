export { shortAddress } from '../../../../common/format';

/** Hours as a short number: 4.5, 17, 120. */
export const hours = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export { shortAddress } from '../../../../common/format';

/** Hours as a short number: 4.5, 17, 120. */
export const hours = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The address without county and street. */
export function shortAddress(address: string) {
  const match = /^.*?(?:街道|镇|乡)(.+)$/.exec(address);
  return match ? match[1] : address;
}

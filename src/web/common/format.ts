/** An address without the county and street ("和平社区3号楼2单元501室"): lists are long enough. */
export function shortAddress(address: string) {
  const match = /^.*?(?:街道|镇|乡)(.+)$/.exec(address);
  return match ? match[1] : address;
}

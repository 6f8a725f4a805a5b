export const pageSizes = [20, 50, 100];

export const statusType = (status: string) =>
  status === 'sent' ? 'success' : status === 'failed' ? 'danger' : 'warning';

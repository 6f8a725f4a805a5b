// The community whose form this browser last opened: the home page (/r) links to its public page
// (社区公开页, /m/c/<code>) so a resident who comes back without scanning still finds it.
const key = 'linli.report.lastCommunity';

export interface LastCommunity {
  code: string;
  name: string;
}

export function rememberCommunity(community: LastCommunity) {
  try {
    localStorage.setItem(key, JSON.stringify(community));
  } catch {
    // private mode: not kept
  }
}

export function lastCommunity(): LastCommunity | null {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<LastCommunity> | null;
    if (saved && typeof saved.code === 'string' && /^\d{12}$/.test(saved.code) && typeof saved.name === 'string')
      return { code: saved.code, name: saved.name.slice(0, 60) };
  } catch {
    // unreadable: nothing to show
  }
  return null;
}

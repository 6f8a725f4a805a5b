import { useRoute } from 'vue-router';

/** The page's `?<name>=` when it is one of the choices (a link from the workbench opens a list filtered), else ''. */
export function queryChoice<T extends string>(name: string, choices: readonly T[]): T | '' {
  const value = useRoute().query[name];
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : '';
}

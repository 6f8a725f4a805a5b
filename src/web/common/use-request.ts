// One request a page shows: its answer, whether it is loading and the error to show (already translated by
// the server, else "加载失败"). A new run cancels the one before it, and leaving the page cancels the last,
// so a late answer never overwrites a newer one.
import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from './http';

export interface RequestOptions<T> {
  /** The value before the first answer, and again after a failed one (unless keepOnError). */
  initial: T;
  /** A failed run keeps the last answer on the page instead of clearing it. */
  keepOnError?: boolean;
}

export interface Request<T> {
  data: Ref<T>;
  loading: Ref<boolean>;
  /** The message of the last failure; '' while loading and after a success. */
  error: Ref<string>;
  /** The value thrown by the last failure (an ApiError for the server's refusals), null otherwise. */
  failure: Ref<unknown>;
  /** Runs the request (again), cancelling a run still going; resolves to the answer, or undefined on failure or cancel. */
  run: () => Promise<T | undefined>;
  /** The same as run; named for the "重试" buttons. */
  retry: () => Promise<T | undefined>;
  /** Cancels the run still going, if any; loading stays as it is for the caller to decide. */
  abort: () => void;
}

export function useRequest<T>(fetcher: (signal: AbortSignal) => Promise<T>, options: RequestOptions<T>): Request<T>;
/** Without an initial value the answer is null until the first success. */
export function useRequest<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  options?: Omit<RequestOptions<T>, 'initial'>,
): Request<T | null>;
export function useRequest<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  given: Partial<RequestOptions<T | null>> = {},
): Request<T | null> {
  const options = { initial: null, ...given };
  const { t } = useI18n();
  // Deep like the refs it replaces: pages change rows of an answer in place.
  const data = ref(options.initial) as Ref<T | null>;
  const loading = ref(false);
  const error = ref('');
  const failure = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function run(): Promise<T | undefined> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    error.value = '';
    failure.value = null;
    try {
      const answer = await fetcher(mine.signal);
      if (mine.signal.aborted) return undefined;
      data.value = answer;
      return answer;
    } catch (e) {
      if (mine.signal.aborted) return undefined;
      if (!options.keepOnError) data.value = options.initial;
      failure.value = e;
      error.value = errorMessage(e, t('common.loadFailed'));
      return undefined;
    } finally {
      if (!mine.signal.aborted) loading.value = false;
    }
  }

  const abort = () => controller?.abort();
  if (getCurrentScope()) onScopeDispose(abort);

  return { data, loading, error, failure, run, retry: run, abort };
}

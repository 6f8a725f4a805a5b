import { effectScope } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './http';
import { useRequest } from './use-request';

// The pages' i18n is not installed here: the fallback message is its key.
vi.mock('vue-i18n', () => ({ useI18n: () => ({ t: (key: string) => key }) }));

/** A request whose answer the test gives (or refuses) by hand, remembering the signals it was handed. */
function controlled<T>() {
  const calls: { signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const fetcher = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { calls, fetcher };
}

describe('useRequest', () => {
  it('shows the answer and stops loading', async () => {
    const { calls, fetcher } = controlled<string[]>();
    const request = useRequest(fetcher, { initial: [] as string[] });
    const running = request.run();
    expect(request.loading.value).toBe(true);
    calls[0].resolve(['a']);
    expect(await running).toEqual(['a']);
    expect(request.data.value).toEqual(['a']);
    expect(request.loading.value).toBe(false);
    expect(request.error.value).toBe('');
  });

  it('cancels the run before when it runs again, so a late answer never overwrites a newer one', async () => {
    const { calls, fetcher } = controlled<string>();
    const request = useRequest(fetcher);
    const first = request.run();
    const second = request.run();
    expect(calls[0].signal.aborted).toBe(true);
    calls[1].resolve('new');
    calls[0].resolve('old');
    expect(await first).toBeUndefined();
    expect(await second).toBe('new');
    expect(request.data.value).toBe('new');
    expect(request.error.value).toBe('');
  });

  it("shows the server's message on failure and clears the answer, unless told to keep it", async () => {
    const { calls, fetcher } = controlled<string>();
    const clearing = useRequest(fetcher, { initial: '' });
    const keeping = useRequest(fetcher, { initial: '', keepOnError: true });
    const loads = [clearing.run(), keeping.run()];
    calls[0].resolve('shown');
    calls[1].resolve('shown');
    await Promise.all(loads);
    const refused = new ApiError(403, 'FORBIDDEN', '无权操作');
    const runs = [clearing.retry(), keeping.retry()];
    calls[2].reject(refused);
    calls[3].reject(new Error('offline'));
    await Promise.all(runs);
    expect(clearing.data.value).toBe('');
    expect(clearing.error.value).toBe('无权操作');
    expect(clearing.failure.value).toBe(refused);
    expect(keeping.data.value).toBe('shown');
    expect(keeping.error.value).toBe('common.loadFailed');
    expect(keeping.loading.value).toBe(false);
  });

  it('cancels the run still going when its component goes away', () => {
    const { calls, fetcher } = controlled<string>();
    const scope = effectScope();
    const request = scope.run(() => useRequest(fetcher))!;
    void request.run();
    scope.stop();
    expect(calls[0].signal.aborted).toBe(true);
  });
});

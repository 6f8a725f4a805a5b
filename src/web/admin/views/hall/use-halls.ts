// The halls of the user's places and the one being worked on (remembered in this browser).
import { computed, ref } from 'vue';
import { hallApi, type Hall } from '../../../common/api/hall';

const key = 'linli.hall';
export function useHalls() {
  const halls = ref<Hall[]>([]);
  const hallId = ref(localStorage.getItem(key) ?? '');
  const hall = computed(() => halls.value.find((h) => h.id === hallId.value) ?? null);
  async function loadHalls() {
    halls.value = (await hallApi.halls()).items;
    if (!halls.value.some((h) => h.id === hallId.value)) hallId.value = halls.value[0]?.id ?? '';
  }
  function choose(id: string) {
    hallId.value = id;
    localStorage.setItem(key, id);
  }
  return { halls, hallId, hall, loadHalls, choose };
}

/** Today in China time, YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

import type { Dish, MealTime } from '../../../../common/api/community-canteen';

// The canteen's phone pages: the meal of the hour, the dishes chosen (a dish twice is two portions),
// and a fresh id per meal so that a retried 登记 records it once.

export const mealTimes: MealTime[] = ['breakfast', 'lunch', 'dinner'];

/** China time's hour decides the meal the desk opens on. */
export function mealOfHour(now = new Date()): MealTime {
  const hour = (now.getUTCHours() + 8) % 24;
  return hour < 10 ? 'breakfast' : hour < 16 ? 'lunch' : 'dinner';
}

export const chosenIds = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([id, n]) => Array.from({ length: n }, () => id));

export const priceOf = (dishes: Dish[], counts: Record<string, number>) =>
  dishes.reduce((sum, d) => sum + d.priceFen * (counts[d.id] ?? 0), 0);

export const newClientId = () => `desk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The next seven days from today (China time). */
export function nextDays(today: string): string[] {
  return Array.from({ length: 7 }, (_, i) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
}

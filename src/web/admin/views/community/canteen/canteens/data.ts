import type { Canteen, Dish, MealTime } from '../../../../../common/api/community-canteen';

// 社区食堂: the form's defaults and the week of a menu.

export const canteenKinds = ['canteen', 'meal_point', 'partner_shop'] as const;
export const mealTimes: MealTime[] = ['breakfast', 'lunch', 'dinner'];

export interface CanteenForm {
  communityCode: string;
  name: string;
  kind: Canteen['kind'];
  address: string;
  hours: string;
  elderDiscountPercent: number | null;
  delivery: boolean;
  active: boolean;
}

export const emptyForm = (): CanteenForm => ({
  communityCode: '',
  name: '',
  kind: 'canteen',
  address: '',
  hours: '',
  elderDiscountPercent: null,
  delivery: false,
  active: true,
});

export const formOf = (c: Canteen): CanteenForm => ({
  communityCode: c.communityCode,
  name: c.name,
  kind: c.kind,
  address: c.address,
  hours: c.hours,
  elderDiscountPercent: c.elderDiscountPercent,
  delivery: c.delivery,
  active: c.active,
});

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The seven days from Monday of the week holding `day`. */
export function weekOf(day: string): string[] {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = shift(day, -weekday);
  return Array.from({ length: 7 }, (_, i) => shift(monday, i));
}

/** The dishes of one day and meal. */
export const dishesAt = (dishes: Dish[], day: string, meal: MealTime) =>
  dishes.filter((d) => d.day === day && d.meal === meal);

import { describe, expect, it } from 'vitest';
import type { CanteenOrderState } from '../../../platform/db/schema-canteen.js';
import { nextOrderState, orderActions, orderActionsFor } from './lifecycle.js';

const states: CanteenOrderState[] = ['placed', 'served', 'cancelled'];

describe('order lifecycle (订餐)', () => {
  it('walks the whole table: only a placed order moves', () => {
    const moves = states.flatMap((s) =>
      orderActions.flatMap((a) =>
        (['resident', 'operator'] as const).map((by) => `${s}.${a}.${by}→${nextOrderState(s, a, by) ?? '×'}`),
      ),
    );
    expect(moves).toEqual([
      'placed.serve.resident→×',
      'placed.serve.operator→served',
      'placed.cancel.resident→cancelled',
      'placed.cancel.operator→cancelled',
      'served.serve.resident→×',
      'served.serve.operator→×',
      'served.cancel.resident→×',
      'served.cancel.operator→×',
      'cancelled.serve.resident→×',
      'cancelled.serve.operator→×',
      'cancelled.cancel.resident→×',
      'cancelled.cancel.operator→×',
    ]);
  });

  it('gives each side its buttons', () => {
    expect(orderActionsFor('placed', 'resident')).toEqual(['cancel']);
    expect(orderActionsFor('placed', 'operator')).toEqual(['serve', 'cancel']);
    expect(orderActionsFor('served', 'operator')).toEqual([]);
  });
});

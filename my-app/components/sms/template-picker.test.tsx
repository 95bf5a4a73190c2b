import { describe, expect, it } from 'vitest';
import { groupTemplates } from '@/components/sms/template-picker';

const t = (id: number, strategyId: number | null) => ({ id, strategyId });

describe('groupTemplates', () => {
  it("offers the lead's strategy templates first, then the rest", () => {
    const { forStrategy, others } = groupTemplates([t(1, null), t(2, 7), t(3, 8), t(4, 7)], 7);
    expect(forStrategy.map((x) => x.id)).toEqual([2, 4]);
    expect(others.map((x) => x.id)).toEqual([1, 3]);
  });

  it('keeps one list when the lead has no strategy', () => {
    const { forStrategy, others } = groupTemplates([t(1, null), t(2, 7)], null);
    expect(forStrategy).toEqual([]);
    expect(others.map((x) => x.id)).toEqual([1, 2]);
  });
});

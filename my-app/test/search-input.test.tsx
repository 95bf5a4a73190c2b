import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchInput } from '@/components/common/search-input';

describe('SearchInput', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const tick = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });

  function setup() {
    const onChange = vi.fn();
    render(<SearchInput value="" onChange={onChange} label="Search leads" delay={300} />);
    return { onChange, box: screen.getByRole('searchbox', { name: 'Search leads' }) };
  }

  it('reports the text once the user pauses typing', async () => {
    const { onChange, box } = setup();
    fireEvent.change(box, { target: { value: 'Robin ' } });
    await tick(299);
    expect(onChange).not.toHaveBeenCalled();
    await tick(1);
    expect(onChange).toHaveBeenCalledExactlyOnceWith('Robin');
  });

  // A click on a result blurs the box: the search must land before that click's navigation, not 300 ms after it.
  it('reports at once when the box loses focus, and not again when the delay ends', async () => {
    const { onChange, box } = setup();
    fireEvent.change(box, { target: { value: 'Robin' } });
    fireEvent.blur(box);
    expect(onChange).toHaveBeenCalledExactlyOnceWith('Robin');
    await tick(1000);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('reports at once on Enter', async () => {
    const { onChange, box } = setup();
    fireEvent.change(box, { target: { value: '555 0181' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledExactlyOnceWith('555 0181');
    await tick(1000);
    expect(onChange).toHaveBeenCalledOnce();
  });
});

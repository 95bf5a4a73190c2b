import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MessageComposer } from '@/components/sms/message-composer';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = React.useState(initial);
  return <MessageComposer value={value} onChange={setValue} variables={['first_name']} />;
}

function type(text: string) {
  fireEvent.change(screen.getByTestId('message-composer'), { target: { value: text } });
}

const count = (id: string) => screen.getByTestId(id).textContent;

describe('MessageComposer', () => {
  it('fits 160 GSM-7 characters in one segment', () => {
    render(<Harness />);
    type('a'.repeat(160));
    expect(count('composer-characters')).toBe('160');
    expect(count('composer-segments')).toBe('1');
    expect(count('composer-encoding')).toBe('GSM-7');
    expect(count('composer-remaining')).toBe('0 left in this segment');
  });

  it('needs a second segment at 161 characters', () => {
    render(<Harness />);
    type('a'.repeat(161));
    expect(count('composer-characters')).toBe('161');
    expect(count('composer-segments')).toBe('2');
    // Concatenated GSM-7 segments hold 153 each: 306 - 161.
    expect(count('composer-remaining')).toBe('145 left in this segment');
  });

  it('counts € as two GSM-7 characters', () => {
    render(<Harness />);
    type('€');
    expect(count('composer-characters')).toBe('2');
    expect(count('composer-encoding')).toBe('GSM-7');
    type('a'.repeat(159) + '€');
    expect(count('composer-characters')).toBe('161');
    expect(count('composer-segments')).toBe('2');
    expect(screen.getByText(/counts as two characters/)).toBeTruthy();
  });

  it('switches to Unicode for an emoji and names it', () => {
    render(<Harness />);
    type('Hello 😀');
    expect(count('composer-encoding')).toBe('Unicode (UCS-2)');
    expect(screen.getByTestId('composer-unicode-reason').textContent).toContain('“😀”');
    // The emoji is a surrogate pair: two UCS-2 units.
    expect(count('composer-characters')).toBe('8');
    expect(count('composer-remaining')).toBe('62 left in this segment');
  });

  it('splits Unicode messages at 70 characters', () => {
    render(<Harness />);
    type('😀' + 'a'.repeat(68));
    expect(count('composer-characters')).toBe('70');
    expect(count('composer-segments')).toBe('1');
    type('😀' + 'a'.repeat(69));
    expect(count('composer-segments')).toBe('2');
  });

  it('inserts a variable chip at the caret', () => {
    render(<Harness initial="Hi !" />);
    const area = screen.getByTestId('message-composer') as HTMLTextAreaElement;
    area.setSelectionRange(3, 3);
    fireEvent.click(screen.getByRole('button', { name: 'Insert variable first_name' }));
    expect(area.value).toBe('Hi {{first_name}}!');
  });
});

import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { SmsStatusBadge } from '@/components/sms/status-badges';

describe('SmsStatusBadge', () => {
  it('says a pending message is waiting for quiet hours to end, and until when', () => {
    render(<SmsStatusBadge status="pending" reason="quiet_hours" notBefore="2026-03-08T13:00:00.000Z" />);
    const badge = screen.getByText('Waiting: quiet hours');
    expect(badge.getAttribute('data-reason')).toBe('quiet_hours');
    expect(badge.getAttribute('title')).toMatch(/^Quiet hours: sends at .*2026/);
  });

  it('shows plain Pending when nothing holds the message', () => {
    render(<SmsStatusBadge status="pending" reason={null} notBefore={null} />);
    expect(screen.getByText('Pending')).toBeTruthy();
    expect(screen.queryByText('Waiting: quiet hours')).toBeNull();
  });
});

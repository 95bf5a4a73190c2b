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

describe('SmsStatusBadge with the API’s wait', () => {
  it('shows why a pending message waits and about when it goes', () => {
    const estimatedAt = new Date(Date.now() + 125_000).toISOString();
    render(
      <SmsStatusBadge
        status="pending"
        wait={{
          id: 3,
          reason: 'rate_limit',
          detail: 'Rate limit: 120 messages ahead, at 1 segment per second.',
          estimatedAt,
          timeZone: null,
          queueAhead: 120,
          queueAheadAtLeast: false,
          segmentsPerSecond: 1,
        }}
      />,
    );
    const badge = screen.getByText('Waiting: rate limit — about 2 min');
    expect(badge.getAttribute('data-reason')).toBe('rate_limit');
    expect(badge.getAttribute('title')).toContain('120 messages ahead');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LeadSequencePanel } from '@/components/automation/lead-sequence-panel';
import type { LeadSequence, SequenceEnrollment } from '@/types/automation';

const enrollment: SequenceEnrollment = {
  id: 7,
  sequenceId: 3,
  strategyId: 2,
  leadId: 5,
  status: 'active',
  stopReason: null,
  nextPosition: 1,
  stepCount: 3,
  nextStep: {
    position: 1,
    templateId: 9,
    templateName: 'Nudge',
    delayMinutes: 60,
    windowStartMinute: 540,
    windowEndMinute: 1020,
  },
  nextDueAt: '2026-03-02T16:00:00.000Z',
  lastMessageId: 11,
  enrolledByKind: 'admin',
  createdAt: '2026-03-02T15:00:00.000Z',
  updatedAt: '2026-03-02T15:00:00.000Z',
};

function renderWith(view: LeadSequence) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(view), { headers: { 'content-type': 'application/json' } })),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <LeadSequencePanel leadId={5} />
    </QueryClientProvider>,
  );
}

describe('LeadSequencePanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the next step, its template and send window, with Stop instead of Enroll', async () => {
    renderWith({ enrollment, canEnroll: false, cannotEnrollReason: 'already enrolled' });
    expect((await screen.findByTestId('lead-sequence-next')).textContent).toContain('2 of 3: Nudge');
    expect(screen.getByText('09:00–17:00 local time')).toBeTruthy();
    expect(screen.getByTestId('lead-sequence-stop')).toBeTruthy();
    expect(screen.queryByTestId('lead-sequence-enroll')).toBeNull();
  });

  it('says why a stopped enrolment ended and why the lead cannot be enrolled', async () => {
    renderWith({
      enrollment: { ...enrollment, status: 'stopped', stopReason: 'status:customer', nextStep: null },
      canEnroll: false,
      cannotEnrollReason: "the lead's strategy sequence is disabled",
    });
    expect((await screen.findByTestId('lead-sequence-reason')).textContent).toContain('The lead became customer');
    expect(screen.getByText(/Cannot enrol: the lead's strategy sequence is disabled/)).toBeTruthy();
    expect((screen.getByTestId('lead-sequence-enroll') as HTMLButtonElement).disabled).toBe(true);
  });
});

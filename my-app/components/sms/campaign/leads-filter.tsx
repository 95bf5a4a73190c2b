'use client';

import { SearchInput } from '@/components/common/search-input';
import { LeadStatusSelect } from '@/components/crm/lead-status-select';
import { StrategySelect } from '@/components/crm/strategy-select';
import { Label } from '@/components/ui/label';
import { formatNumber } from '@/lib/format';
import { useLeads } from '@/lib/queries/crm';
import type { LeadStatus } from '@/types/crm';

export interface LeadFilter {
  status?: LeadStatus;
  strategyId?: number;
  search?: string;
}

/** The Leads source of a campaign: a filter and how many leads it matches. */
export function LeadsFilter({ filter, onChange }: { filter: LeadFilter; onChange: (f: LeadFilter) => void }) {
  const leadCount = useLeads({ ...filter, page: 1, limit: 1 });
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="grid grid-cols-1 gap-1.5">
          <Label htmlFor="lead-search">Search</Label>
          <SearchInput
            id="lead-search"
            className="sm:w-full"
            placeholder="Name, email, company…"
            label="Search leads"
            value={filter.search ?? ''}
            onChange={(search) => onChange({ ...filter, search: search || undefined })}
          />
        </div>
        <div className="grid grid-cols-1 gap-1.5">
          <Label>Status</Label>
          <LeadStatusSelect
            value={filter.status ?? ''}
            onChange={(v) => onChange({ ...filter, status: v || undefined })}
            emptyLabel="Any status"
            aria-label="Lead status"
          />
        </div>
        <div className="grid grid-cols-1 gap-1.5">
          <Label>Strategy</Label>
          <StrategySelect
            value={filter.strategyId ? String(filter.strategyId) : ''}
            onChange={(v) => onChange({ ...filter, strategyId: v ? Number(v) : undefined })}
            emptyLabel="Any strategy"
            aria-label="Strategy"
          />
        </div>
      </div>
      <p className="text-sm" aria-live="polite">
        {leadCount.isLoading ? (
          'Counting leads…'
        ) : leadCount.isError ? (
          <span className="text-destructive">Could not count leads.</span>
        ) : (
          <>
            <span className="font-medium">{formatNumber(leadCount.data?.total ?? 0)}</span> leads match. Leads without a
            phone number are skipped.
          </>
        )}
      </p>
    </>
  );
}

'use client';

import { SearchInput } from '@/components/common/search-input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { formatNumber } from '@/lib/format';
import { useLeads, useStrategies } from '@/lib/queries/crm';
import { LEAD_STATUSES, type LeadStatus } from '@/types/crm';

export interface LeadFilter {
  status?: LeadStatus;
  strategyId?: number;
  search?: string;
}

/** The Leads source of a campaign: a filter and how many leads it matches. */
export function LeadsFilter({ filter, onChange }: { filter: LeadFilter; onChange: (f: LeadFilter) => void }) {
  const leadCount = useLeads({ ...filter, page: 1, limit: 1 });
  const strategies = useStrategies();
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
          <Select
            value={filter.status ?? 'all'}
            onValueChange={(v) => onChange({ ...filter, status: v === 'all' ? undefined : (v as LeadStatus) })}
          >
            <SelectTrigger aria-label="Lead status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">Any status</SelectItem>
              {LEAD_STATUSES.map((s) => (
                <SelectItem key={s} value={s} className="capitalize">
                  {s}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid grid-cols-1 gap-1.5">
          <Label>Strategy</Label>
          <Select
            value={filter.strategyId ? String(filter.strategyId) : 'all'}
            onValueChange={(v) => onChange({ ...filter, strategyId: v === 'all' ? undefined : Number(v) })}
          >
            <SelectTrigger aria-label="Strategy">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">Any strategy</SelectItem>
              {(strategies.data?.items ?? []).map((s) => (
                <SelectItem key={s.id} value={String(s.id)}>
                  {s.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
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

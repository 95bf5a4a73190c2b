'use client';

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { refreshSession, smsApi } from '@/lib/api-client';
import { smsKeys } from '@/lib/queries/sms';
import { ACTIVE_CAMPAIGN_STATUSES, type SmsCampaign } from '@/types/sms';

export type StreamState = 'idle' | 'connecting' | 'live' | 'closed';

const MAX_REOPENS = 5;

/**
 * Follows `GET /api/sms/campaigns/:id/events` (Server-Sent Events: `event: campaign`,
 * `data: <SmsCampaign JSON>` per change) and writes each snapshot into the campaign's query cache. The stream ends when the
 * campaign finishes. If the server rejects the stream (an expired token), the session is refreshed
 * and the stream reopened a few times; `useCampaign` keeps polling slowly meanwhile.
 */
export function useCampaignEvents(id: number, enabled: boolean): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>('idle');

  useEffect(() => {
    if (!enabled || id <= 0 || typeof EventSource === 'undefined') {
      setState('idle');
      return;
    }
    let source: EventSource | null = null;
    let stopped = false;
    let reopens = 0;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let lastMessagesRefresh = 0;

    const finish = () => {
      stopped = true;
      source?.close();
      setState('closed');
      void qc.invalidateQueries({ queryKey: smsKeys.campaign(id) });
      void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
      void qc.invalidateQueries({ queryKey: smsKeys.stats() });
    };

    const open = () => {
      if (stopped) return;
      setState('connecting');
      smsApi.campaignEventsUrl(id).then(attach, () => {
        if (!stopped) setState('closed');
      });
    };
    const attach = (url: string) => {
      if (stopped) return;
      source = new EventSource(url);
      source.onopen = () => {
        reopens = 0;
        setState('live');
      };
      const onSnapshot = (event: MessageEvent<string>) => {
        let campaign: SmsCampaign;
        try {
          campaign = JSON.parse(event.data) as SmsCampaign;
        } catch {
          return;
        }
        if (!campaign || typeof campaign !== 'object' || !('status' in campaign)) return;
        qc.setQueryData<SmsCampaign>(smsKeys.campaign(id), (old) => ({ ...old, ...campaign }));
        const now = Date.now();
        if (now - lastMessagesRefresh > 2000) {
          lastMessagesRefresh = now;
          void qc.invalidateQueries({ queryKey: [...smsKeys.campaign(id), 'messages'] });
        }
        if (!ACTIVE_CAMPAIGN_STATUSES.includes(campaign.status)) finish();
      };
      // The API names its events `campaign`; unnamed `message` events are accepted too.
      source.addEventListener('campaign', onSnapshot);
      source.onmessage = onSnapshot;
      source.addEventListener('end', finish);
      source.onerror = () => {
        if (stopped || !source) return;
        // CONNECTING: the browser is already retrying (dropped connection). CLOSED: the server
        // answered with an error status; renew the token and try again a few times.
        if (source.readyState !== EventSource.CLOSED) return;
        source.close();
        if (reopens >= MAX_REOPENS) {
          setState('closed');
          return;
        }
        reopens += 1;
        setState('connecting');
        reopenTimer = setTimeout(
          () => {
            void refreshSession().finally(open);
          },
          1000 * 2 ** (reopens - 1),
        );
      };
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [id, enabled, qc]);

  return state;
}

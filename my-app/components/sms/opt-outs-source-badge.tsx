import { Hand, KeyRound, Upload, XCircle } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { OptOutSource } from '@/types/sms';

type Variant = 'warning' | 'danger' | 'info' | 'secondary' | 'outline';

const SOURCES: Record<OptOutSource, { label: string; variant: Variant; icon: typeof Hand; title: string }> = {
  keyword: { label: 'Keyword', variant: 'warning', icon: KeyRound, title: 'The person replied STOP (or a synonym)' },
  error_21610: {
    label: 'Twilio 21610',
    variant: 'danger',
    icon: XCircle,
    title: 'Twilio refused a send: the person had replied STOP to Twilio directly',
  },
  manual: { label: 'Manual', variant: 'secondary', icon: Hand, title: 'Added by hand' },
  import: { label: 'Import', variant: 'info', icon: Upload, title: 'Added from an imported CSV' },
};

export const OPT_OUT_SOURCE_LABELS: Record<OptOutSource, string> = Object.fromEntries(
  Object.entries(SOURCES).map(([k, v]) => [k, v.label]),
) as Record<OptOutSource, string>;

export function OptOutSourceBadge({ source }: { source: OptOutSource }) {
  const s = SOURCES[source] ?? { label: source, variant: 'outline' as const, icon: Hand, title: source };
  const Icon = s.icon;
  return (
    <Badge variant={s.variant} data-testid="opt-out-source" data-source={source} title={s.title}>
      <Icon aria-hidden="true" />
      {s.label}
    </Badge>
  );
}

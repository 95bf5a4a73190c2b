'use client';

import { ErrorState } from '@/components/common/states';

export default function AdminError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState title="This page failed to render" error={error} onRetry={reset} className="mt-6" />;
}

'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { authStorage } from '@/lib/auth-storage';

/** `/` goes to the SMS dashboard with a session, to the login page without one. */
export function HomeRedirect() {
  const router = useRouter();
  useEffect(() => {
    router.replace(authStorage.hasSession() ? '/admin/sms' : '/login');
  }, [router]);
  return null;
}

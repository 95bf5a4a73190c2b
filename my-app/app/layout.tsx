import type { Metadata, Viewport } from 'next';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Loctelli SMS', template: '%s · Loctelli SMS' },
  description: 'Send, schedule and track SMS from the Loctelli CRM.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

const THEME_BOOT = `try{var c=localStorage.getItem('loctelli.theme');if(c==='light'||c==='dark'){var r=document.documentElement;r.classList.add(c);}}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The saved light/dark choice before the first paint (lib/theme.ts keeps it in step afterwards). */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT }} />
      </head>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

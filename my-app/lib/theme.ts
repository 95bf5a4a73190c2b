'use client';

import * as React from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'loctelli.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** The choice in the account menu; 'system' follows the operating system's light/dark setting. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyTheme(choice);
  listeners.forEach((l) => l());
}

/**
 * Puts `dark` or `light` on <html>. Before this runs the CSS follows the system (`color-scheme: light dark`
 * and light-dark() colours), so a dark system never flashes white.
 */
export function applyTheme(choice: ThemeChoice = read()): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.classList.toggle('light', !dark);
}

export function useThemeChoice(): ThemeChoice {
  return React.useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => 'system',
  );
}

/** Keeps <html>'s class in step with the choice and, for 'system', with the operating system. */
export function useThemeSync(): void {
  React.useEffect(() => {
    applyTheme();
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => applyTheme();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
}

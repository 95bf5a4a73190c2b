import {
  Ban,
  BarChart3,
  Building2,
  FileText,
  History,
  MailQuestion,
  Inbox,
  Megaphone,
  MessageSquare,
  ScrollText,
  Send,
  Settings,
  Target,
  TrendingUp,
  Upload,
  Users,
  Zap,
  type LucideIcon,
} from 'lucide-react';

export interface NavItem {
  title: string;
  href: string;
  icon: LucideIcon;
  /** Only admins see it. */
  adminOnly?: boolean;
  /** Only system admins see it. */
  systemOnly?: boolean;
  /** A live count shown beside the title. */
  badge?: 'inboxUnread';
}

export interface NavGroup {
  title: string;
  icon: LucideIcon;
  items: NavItem[];
}

/**
 * The plan's admin navigation: the SMS group (the plan's pages and the Inbox), the rules and reports around
 * sending, then the CRM pages it sits beside.
 */
export const NAV_GROUPS: NavGroup[] = [
  {
    title: 'SMS',
    icon: MessageSquare,
    items: [
      { title: 'Dashboard', href: '/admin/sms', icon: BarChart3 },
      { title: 'Inbox', href: '/admin/sms/inbox', icon: Inbox, badge: 'inboxUnread' },
      { title: 'Send SMS', href: '/admin/sms/send', icon: Send },
      { title: 'Bulk SMS', href: '/admin/sms/bulk', icon: Upload },
      { title: 'Campaigns', href: '/admin/sms/campaigns', icon: Megaphone },
      { title: 'Templates', href: '/admin/sms/templates', icon: FileText },
      { title: 'History', href: '/admin/sms/history', icon: History },
      { title: 'Settings', href: '/admin/sms/settings', icon: Settings },
    ],
  },
  {
    title: 'Rules & reports',
    icon: ScrollText,
    items: [
      { title: 'Triggers', href: '/admin/sms/triggers', icon: Zap },
      { title: 'Opt-outs', href: '/admin/sms/opt-outs', icon: Ban },
      { title: 'Reports', href: '/admin/sms/reports', icon: TrendingUp },
      { title: 'Audit log', href: '/admin/sms/audit', icon: ScrollText, adminOnly: true },
      { title: 'Unassigned', href: '/admin/sms/unassigned', icon: MailQuestion, systemOnly: true },
    ],
  },
  {
    title: 'CRM',
    icon: Users,
    items: [
      { title: 'Leads', href: '/admin/leads', icon: Users },
      { title: 'Strategies', href: '/admin/strategies', icon: Target },
      { title: 'SubAccounts', href: '/admin/subaccounts', icon: Building2, adminOnly: true },
    ],
  },
];

/** The nav item a path belongs to: the longest matching href wins (/admin/sms vs /admin/sms/send). */
export function activeHref(pathname: string): string | null {
  let best: string | null = null;
  for (const group of NAV_GROUPS) {
    for (const item of group.items) {
      if (pathname === item.href || pathname.startsWith(`${item.href}/`)) {
        if (!best || item.href.length > best.length) best = item.href;
      }
    }
  }
  return best;
}

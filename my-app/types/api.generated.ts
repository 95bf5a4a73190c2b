// Generated from the API's OpenAPI document by scripts/generate-api-types.mjs: do not edit.
// Regenerate with `npm run api:types -w my-app`.

export type paths = {
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/stream-ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AuthController_streamTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LeadsController_list'];
    put?: never;
    post: operations['LeadsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LeadsController_get'];
    put?: never;
    post?: never;
    delete: operations['LeadsController_delete'];
    options?: never;
    head?: never;
    patch: operations['LeadsController_update'];
    trace?: never;
  };
  '/api/leads/{id}/sms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LeadSmsController_thread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads/{id}/sms-opt-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LeadSmsController_optOut'];
    put: operations['LeadSmsController_setOptOut'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads/{id}/sms-sequence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SequencesController_forLead'];
    put?: never;
    post: operations['SequencesController_enroll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads/{id}/sms-sequence/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SequencesController_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/leads/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LeadSmsController_timeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_preferences'];
    put: operations['NotificationsController_savePreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_markAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_unreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_list'];
    put?: never;
    post: operations['CampaignsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_get'];
    put?: never;
    post?: never;
    delete: operations['CampaignsController_delete'];
    options?: never;
    head?: never;
    patch: operations['CampaignsController_update'];
    trace?: never;
  };
  '/api/sms/campaigns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_messages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/rejections.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CampaignsController_rejections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/{id}/retry-failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_retryFailed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/campaigns/from-leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CampaignsController_createFromLeads'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConversationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConversationsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConversationsController_messages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ConversationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/conversations/unread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConversationsController_unread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/message-waits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MessageWaitsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SmsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SmsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/messages/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SmsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/messages/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SmsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/messages/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SmsController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/opt-outs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OptOutsController_list'];
    put?: never;
    post: operations['OptOutsController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/opt-outs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['OptOutsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/opt-outs/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['OptOutsController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/reports/failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_failures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/reports/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_usage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/reports/usage.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReportsController_usageCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SmsController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SmsSettingsController_get'];
    put: operations['SmsSettingsController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/settings/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SmsSettingsController_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SmsController_getStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TemplatesController_list'];
    put?: never;
    post: operations['TemplatesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TemplatesController_get'];
    put?: never;
    post?: never;
    delete: operations['TemplatesController_delete'];
    options?: never;
    head?: never;
    patch: operations['TemplatesController_update'];
    trace?: never;
  };
  '/api/sms/triggers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TriggersController_list'];
    put?: never;
    post: operations['TriggersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/triggers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TriggersController_get'];
    put?: never;
    post?: never;
    delete: operations['TriggersController_delete'];
    options?: never;
    head?: never;
    patch: operations['TriggersController_update'];
    trace?: never;
  };
  '/api/sms/unassigned': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UnassignedController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sms/unassigned/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['UnassignedController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/strategies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StrategiesController_list'];
    put?: never;
    post: operations['StrategiesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/strategies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StrategiesController_get'];
    put?: never;
    post?: never;
    delete: operations['StrategiesController_delete'];
    options?: never;
    head?: never;
    patch: operations['StrategiesController_update'];
    trace?: never;
  };
  '/api/strategies/{id}/sms-sequence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SequencesController_get'];
    put: operations['SequencesController_save'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subaccounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SubAccountsController_list'];
    put?: never;
    post: operations['SubAccountsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/subaccounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SubAccountsController_get'];
    put?: never;
    post?: never;
    delete: operations['SubAccountsController_delete'];
    options?: never;
    head?: never;
    patch: operations['SubAccountsController_update'];
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_list'];
    put?: never;
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete: operations['UsersController_delete'];
    options?: never;
    head?: never;
    patch: operations['UsersController_update'];
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AddOptOutDto: {
      /** @example +14155550142 */
      phoneNumber: string;
    };
    AssignUnassignedDto: {
      /** @description The SubAccount to file the reply under */
      subAccountId: number;
    };
    AuditEntryDto: {
      /** @example campaign.pause */
      action: string;
      actorId: number | null;
      /** @enum {string} */
      actorKind: 'user' | 'admin' | 'system' | 'twilio';
      /** @description The user's or admin's name (null for system, Twilio) */
      actorName: string | null;
      /** Format: date-time */
      createdAt: string;
      details: {
        [key: string]: unknown;
      };
      id: number;
      ip: string | null;
      requestId: string | null;
      subAccountId: number;
      targetId: string | null;
      targetType: string | null;
    };
    ChangePasswordDto: {
      currentPassword: string;
      /** @description At most 72 bytes in UTF-8 (bcrypt ignores the rest) */
      newPassword: string;
    };
    ConversationDto: {
      id: number;
      /** @enum {string} */
      lastDirection: 'outbound' | 'inbound';
      /** Format: date-time */
      lastMessageAt: string;
      lastMessagePreview: string;
      leadId: number | null;
      leadName: string | null;
      optedOut: boolean;
      /** @description The lead's owner */
      ownerId: number | null;
      ownerName: string | null;
      /** @description The contact, E.164 */
      phoneNumber: string;
      /** @description Replies newer than what the caller has read */
      unreadCount: number;
    };
    CreateCampaignDto: {
      /** @description Check the recipients and estimate the cost only; nothing is created */
      dryRun?: boolean;
      /** @description Leads to text (their phone; lead fields as variables) */
      leadIds?: number[];
      /**
       * @description Template; required unless templateId is given
       * @example Hi {{first_name|there}}, spring roof checks are 20% off this week.
       */
      message?: string;
      /** @example Spring roof check */
      name: string;
      /** @description Phone numbers, or { phoneNumber, variables } objects */
      recipients?: (string | components['schemas']['RecipientDto'])[];
      /** @example 2026-12-01T09:00:00-05:00 */
      scheduledAt?: string;
      templateId?: number;
    };
    CreateCampaignFromLeadsDto: {
      /** @description Count and preview only; nothing is created */
      dryRun?: boolean;
      filter: components['schemas']['LeadFilterDto'];
      /**
       * @description Template; required unless templateId is given
       * @example Hi {{first_name}}, …
       */
      message?: string;
      /** @example Qualified leads follow-up */
      name: string;
      /** @example 2026-12-01T09:00:00-05:00 */
      scheduledAt?: string;
      templateId?: number;
    };
    CreateLeadDto: {
      company?: string | null;
      email?: string | null;
      /** @example Jane Cooper */
      name: string;
      notes?: string | null;
      ownerId?: number | null;
      /**
       * @description Any format; stored E.164 using the SubAccount's default country; null or blank clears it
       * @example (555) 123-4567
       */
      phone?: string | null;
      /** @enum {string} */
      status?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
      strategyId?: number | null;
      /** @example America/Chicago */
      timeZone?: string | null;
    };
    CreateStrategyDto: {
      description?: string | null;
      /** @example Roof inspection follow-up */
      name: string;
      /** @example nurture */
      tag?: string | null;
    };
    CreateSubAccountDto: {
      /**
       * @description Default country for phone numbers (ISO 3166-1 alpha-2)
       * @example US
       */
      defaultCountry?: string;
      /** @example Acme Roofing */
      name: string;
      /**
       * @description IANA time zone
       * @example America/New_York
       */
      timeZone?: string;
    };
    CreateTemplateDto: {
      /** @example Hi {{first_name|there}}, see you at {{time}}. */
      body: string;
      /** @example Appointment reminder */
      name: string;
      /** @description null: not linked to a strategy */
      strategyId?: number | null;
    };
    CreateTriggerDto: {
      /** @description Minutes between the event and the send */
      delayMinutes: number;
      /** @default true */
      enabled?: boolean;
      /** @enum {string} */
      event: 'lead_created' | 'status_changed';
      /** @example Welcome new leads */
      name: string;
      templateId: number;
      /**
       * @description Required for status_changed
       * @enum {string|null}
       */
      toStatus?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost' | null;
    };
    CreateUserDto: {
      email: string;
      name: string;
      /** @description At most 72 bytes in UTF-8 */
      password: string;
      /** @enum {string} */
      role?: 'user' | 'manager';
    };
    FailureCampaignDto: {
      /** @description null: single sends, outside any campaign */
      campaignId: number | null;
      campaignName: string;
      /** @description Messages that became failed */
      failed: number;
      subAccountId: number;
      subAccountName: string;
      total: number;
      /** @description Messages the carrier reported undelivered */
      undelivered: number;
    };
    FailureCodeDto: {
      /** @description What to do about it */
      action: string;
      docsUrl: string | null;
      /** @description Twilio's error code; null: none given */
      errorCode: number | null;
      /** @description Messages that became failed */
      failed: number;
      /** @description False when the code is not in this app's table (or there is none) */
      known: boolean;
      /** @description What the code means */
      meaning: string;
      title: string;
      total: number;
      /** @description Messages the carrier reported undelivered */
      undelivered: number;
    };
    FailureCountsDto: {
      /** @description Messages that became failed */
      failed: number;
      total: number;
      /** @description Messages the carrier reported undelivered */
      undelivered: number;
    };
    FailureDayDto: {
      /** @description YYYY-MM-DD (UTC) */
      day: string;
      /** @description Messages that became failed */
      failed: number;
      total: number;
      /** @description Messages the carrier reported undelivered */
      undelivered: number;
    };
    FailureReportDto: {
      /** @description Most failures first */
      byCampaign: components['schemas']['FailureCampaignDto'][];
      /** @description Most frequent first */
      byCode: components['schemas']['FailureCodeDto'][];
      /** @description Days with failures, in order */
      byDay: components['schemas']['FailureDayDto'][];
      /** @description YYYY-MM-DD (UTC), inclusive */
      from: string;
      /** @enum {string} */
      timeZone: 'UTC';
      /** @description YYYY-MM-DD (UTC), inclusive */
      to: string;
      totals: components['schemas']['FailureCountsDto'];
    };
    ImportCountsDto: {
      duplicate: number;
      invalid: number;
      missingVariable: number;
      optedOut: number;
      rows: number;
      valid: number;
    };
    ImportReportDto: {
      /** @description The campaign created; null for a dry run or when no row was valid */
      campaignId: number | null;
      counts: components['schemas']['ImportCountsDto'];
      dryRun: boolean;
      /** @description USD, at SMS_ESTIMATED_PRICE_PER_SEGMENT */
      estimatedCost: number;
      estimatedSegments: number;
      headers: string[];
      /** @description The CSV column read as the phone */
      phoneColumn: string | null;
      /** @description The first 20 rendered messages */
      preview: components['schemas']['PreviewRowDto'][];
      /** @description The first 1,000 rejected rows */
      rejections: components['schemas']['RejectionDto'][];
    };
    LeadDto: {
      company: string | null;
      /** Format: date-time */
      createdAt: string;
      email: string | null;
      id: number;
      name: string;
      notes: string | null;
      ownerId: number | null;
      /** @description E.164 */
      phone: string | null;
      /** @enum {string} */
      status: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
      strategyId: number | null;
      subAccountId: number;
      timeZone: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    LeadEventDto: {
      actorId: number | null;
      /** @enum {string} */
      actorKind: 'user' | 'admin' | 'system' | 'twilio';
      /** Format: date-time */
      createdAt: string;
      details: {
        [key: string]: unknown;
      };
      id: number;
      /** @example status_changed */
      type: string;
    };
    LeadFilterDto: {
      ownerId?: number;
      search?: string;
      /** @enum {string} */
      sms?: 'replied' | 'opted_out' | 'never_texted';
      /** @enum {string} */
      status?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
      strategyId?: number;
    };
    LeadLastSmsDto: {
      /** Format: date-time */
      createdAt: string;
      /** @enum {string} */
      direction: 'outbound' | 'inbound';
      id: number;
      /** @description The first 120 characters */
      preview: string;
      /** @enum {string} */
      status: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
      statusReason: string | null;
    };
    LeadListItemDto: {
      company: string | null;
      /** Format: date-time */
      createdAt: string;
      email: string | null;
      id: number;
      lastSms: components['schemas']['LeadLastSmsDto'] | null;
      name: string;
      notes: string | null;
      optedOut: boolean;
      ownerId: number | null;
      /** @description E.164 */
      phone: string | null;
      /** @enum {string} */
      status: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
      strategyId: number | null;
      subAccountId: number;
      timeZone: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    LeadOptOutDto: {
      optedOut: boolean;
      phoneNumber: string | null;
      /** Format: date-time */
      since: string | null;
      /** @enum {string|null} */
      source: 'keyword' | 'error_21610' | 'manual' | 'import' | null;
    };
    LeadSequenceDto: {
      /** @description Whether the lead's strategy has an enabled sequence with steps to enrol in now */
      canEnroll: boolean;
      cannotEnrollReason: string | null;
      /** @description The active enrolment, else the latest */
      enrollment: components['schemas']['SequenceEnrollmentDto'] | null;
    };
    LeadsImportCountsDto: {
      duplicate: number;
      invalid: number;
      /** @description The leads the filter matched */
      leads: number;
      missingVariable: number;
      /** @description Matched leads without a phone (skipped) */
      noPhone: number;
      optedOut: number;
      rows: number;
      valid: number;
    };
    LeadsImportReportDto: {
      /** @description The campaign created; null for a dry run or when no row was valid */
      campaignId: number | null;
      counts: components['schemas']['LeadsImportCountsDto'];
      dryRun: boolean;
      /** @description USD, at SMS_ESTIMATED_PRICE_PER_SEGMENT */
      estimatedCost: number;
      estimatedSegments: number;
      headers: string[];
      /** @description The CSV column read as the phone */
      phoneColumn: string | null;
      /** @description The first 20 rendered messages */
      preview: components['schemas']['PreviewRowDto'][];
      /** @description The first 1,000 rejected rows */
      rejections: components['schemas']['RejectionDto'][];
    };
    LeadTimelineDto: {
      /** @description Newest first */
      items: components['schemas']['LeadTimelineItemDto'][];
    };
    LeadTimelineItemDto: {
      /** Format: date-time */
      at: string;
      event: components['schemas']['LeadEventDto'] | null;
      /** @enum {string} */
      kind: 'sms' | 'event';
      sms: components['schemas']['SmsMessageDto'] | null;
    };
    LoginDto: {
      /** @example admin@demo.loctelli.test */
      email: string;
      /** @example demo-password */
      password: string;
    };
    MeDto: {
      email: string;
      id: number;
      /** @enum {string} */
      kind: 'admin' | 'user';
      name: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'user' | 'manager';
      subAccountId: number | null;
      subAccounts: components['schemas']['SubAccountSummaryDto'][];
    };
    MessageWaitDto: {
      /** @description The reason in a sentence */
      detail: string;
      /**
       * Format: date-time
       * @description About when it goes; null: not until someone acts
       */
      estimatedAt: string | null;
      id: number;
      /** @description Rate limit: messages claimed before it */
      queueAhead: number | null;
      /** @description The count stopped at its limit: at least queueAhead */
      queueAheadAtLeast: boolean;
      /** @enum {string} */
      reason:
        | 'sender_paused'
        | 'sender_not_configured'
        | 'campaign_paused'
        | 'campaign_not_started'
        | 'campaign_scheduled'
        | 'quiet_hours'
        | 'retrying'
        | 'scheduled'
        | 'rate_limit'
        | 'due';
      segmentsPerSecond: number | null;
      /** @description Quiet hours: the recipient's time zone */
      timeZone: string | null;
    };
    MessageWaitsDto: {
      /** @description One per pending message named; others are left out */
      items: components['schemas']['MessageWaitDto'][];
    };
    NotificationDto: {
      body: string;
      /** Format: date-time */
      createdAt: string;
      id: number;
      /** @description Admin panel path to open, e.g. /admin/sms/campaigns/12 */
      link: string | null;
      /** Format: date-time */
      readAt: string | null;
      subAccountId: number;
      /** @description The SubAccount it is about (admins see every SubAccount they manage) */
      subAccountName: string;
      title: string;
      /** @enum {string} */
      type:
        | 'campaign_completed'
        | 'campaign_stopped'
        | 'credentials_rejected'
        | 'spending_cap_80'
        | 'spending_cap_100'
        | 'dead_letters'
        | 'lead_reply';
    };
    NotificationPreferencesDto: {
      /** @description Dead-lettered messages in an hour that raise a notification */
      deadLetterThreshold: number;
      /** @description Types you do not want */
      disabledTypes: (
        | 'campaign_completed'
        | 'campaign_stopped'
        | 'credentials_rejected'
        | 'spending_cap_80'
        | 'spending_cap_100'
        | 'dead_letters'
        | 'lead_reply'
      )[];
    };
    OptOutDto: {
      /** Format: date-time */
      createdAt: string;
      createdByAdminId: number | null;
      createdByUserId: number | null;
      id: number;
      /**
       * @description Who can lift it: the recipient only (by texting START), or a SubAccount admin
       * @enum {string}
       */
      liftableBy: 'recipient' | 'admin';
      phoneNumber: string;
      /** @enum {string} */
      source: 'keyword' | 'error_21610' | 'manual' | 'import';
    };
    OptOutImportCountsDto: {
      added: number;
      alreadyOptedOut: number;
      invalid: number;
      rows: number;
    };
    OptOutImportReportDto: {
      counts: components['schemas']['OptOutImportCountsDto'];
      /** @description The first 1,000 rejected rows */
      rejections: components['schemas']['RejectionDto'][];
    };
    PeriodStatsDto: {
      /** @description USD */
      cost: number;
      delivered: number;
      failed: number;
      segments: number;
      sent: number;
      undelivered: number;
    };
    PreviewRowDto: {
      /** @enum {string} */
      encoding: 'GSM-7' | 'UCS-2';
      leadId?: number;
      message: string;
      /** @description E.164 */
      phoneNumber: string;
      row: number;
      segments: number;
    };
    ReadAllResultDto: {
      /** @description How many were unread */
      updated: number;
    };
    RecipientDto: {
      /** @example +14155550123 */
      phoneNumber: string;
      /**
       * @example {
       *       "first_name": "Jane"
       *     }
       */
      variables?: {
        [key: string]: string;
      };
    };
    RefreshDto: {
      refreshToken: string;
    };
    RejectionDto: {
      message: string;
      /** @enum {string} */
      reason:
        | 'invalid_phone'
        | 'spreadsheet_mangled'
        | 'duplicate'
        | 'opted_out'
        | 'missing_variable'
        | 'empty_message'
        | 'too_long';
      /** @description Spreadsheet row, or position in the list */
      row: number;
      /** @description The phone as given */
      value: string;
    };
    SaveSequenceDto: {
      enabled: boolean;
      /** @description In sending order */
      steps: components['schemas']['SequenceStepInputDto'][];
      /** @description A lead reaching one of these leaves the sequence */
      stopStatuses: ('new' | 'contacted' | 'qualified' | 'customer' | 'lost')[];
    };
    SendResultDto: {
      /** @enum {string} */
      encoding: 'GSM-7' | 'UCS-2';
      id: number;
      /** Format: date-time */
      notBefore: string;
      phoneNumber: string;
      /**
       * Format: date-time
       * @description Set when the recipient's quiet hours hold the message until then
       */
      quietHoursUntil: string | null;
      /** @description True when an earlier request with the same Idempotency-Key created it */
      replayed: boolean;
      segments: number;
      /** @enum {string} */
      status: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
    };
    SendSmsDto: {
      /** @description Admins only: send now even inside the recipient's quiet hours (audited) */
      ignoreQuietHours?: boolean;
      /** @description Send to this lead (its phone when phoneNumber is omitted); the message shows on the lead's timeline */
      leadId?: number;
      /** @example Hi Jane, your inspection is confirmed for tomorrow at 9am. */
      message: string;
      /**
       * @description Any format; normalised to E.164 with the SubAccount's default country. Optional when leadId is given.
       * @example +14155550123
       */
      phoneNumber?: string;
      /**
       * @description ISO 8601 with an offset, in the future
       * @example 2026-12-01T09:00:00-05:00
       */
      scheduledAt?: string;
    };
    SequenceEnrollmentDto: {
      /** Format: date-time */
      createdAt: string;
      /** @enum {string} */
      enrolledByKind: 'user' | 'admin' | 'system';
      id: number;
      lastMessageId: number | null;
      leadId: number;
      /** Format: date-time */
      nextDueAt: string | null;
      /** @description Position of the next step to send (0-based) */
      nextPosition: number;
      nextStep: components['schemas']['SequenceStepDto'] | null;
      sequenceId: number;
      /** @enum {string} */
      status: 'active' | 'completed' | 'stopped';
      stepCount: number;
      /** @description replied, opted_out, strategy_changed, status:<status>, manual, no_phone, … */
      stopReason: string | null;
      strategyId: number;
      /** Format: date-time */
      updatedAt: string;
    };
    SequenceStepDto: {
      delayMinutes: number;
      position: number;
      templateId: number;
      templateName: string;
      windowEndMinute: number | null;
      windowStartMinute: number | null;
    };
    SequenceStepInputDto: {
      /** @description Minutes after enrolment (first step) or after the previous step was sent */
      delayMinutes: number;
      templateId: number;
      /** @description Send window end (exclusive), minutes after local midnight */
      windowEndMinute?: number | null;
      /** @description Send window start, minutes after the lead's local midnight */
      windowStartMinute?: number | null;
    };
    SetLeadOptOutDto: {
      /** @description true adds the lead’s number to the opt-out list, false removes it */
      optedOut: boolean;
    };
    SmsCampaignDto: {
      /** @description Messages sent whose price Twilio has not reported yet (counted up to 1000): the cost may still grow */
      awaitingPrice: number;
      canceled: number;
      /** Format: date-time */
      completedAt: string | null;
      /** @description USD, from the prices Twilio has reported so far */
      cost: number;
      /** Format: date-time */
      createdAt: string;
      deliveredCount: number;
      failedCount: number;
      id: number;
      message: string;
      name: string;
      optedOut: number;
      /** @description Waiting to be sent (or in flight) */
      pending: number;
      /** @description false: over 1,000 are pending, and pending (from the counters) and waitingQuietHours are estimates */
      pendingExact: boolean;
      /** @description 0..1: share of recipients no longer pending */
      progress: number;
      rejectedCount: number;
      /** Format: date-time */
      scheduledAt: string | null;
      segments: number;
      /** @description Accepted by Twilio */
      sentCount: number;
      source: string;
      /** Format: date-time */
      startedAt: string | null;
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'canceled' | 'failed';
      statusReason: string | null;
      totalRecipients: number;
      undelivered: number;
      /** Format: date-time */
      updatedAt: string;
      /** @description Of those, waiting for the recipients' quiet hours to end */
      waitingQuietHours: number;
    };
    SmsEventDto: {
      /** Format: date-time */
      createdAt: string;
      id: number;
      payload: {
        [key: string]: unknown;
      };
      status: string | null;
      type: string;
    };
    SmsMessageDetailDto: {
      attempts: number;
      campaignId: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** @enum {string} */
      direction: 'outbound' | 'inbound';
      /** @enum {string} */
      encoding: 'GSM-7' | 'UCS-2';
      errorCode: number | null;
      errorMessage: string | null;
      events: components['schemas']['SmsEventDto'][];
      fromNumber: string | null;
      id: number;
      leadId: number | null;
      message: string;
      /** Format: date-time */
      notBefore: string;
      phoneNumber: string;
      /** @description Twilio's price (negative), per message */
      price: string | null;
      priceUnit: string | null;
      segments: number;
      /** Format: date-time */
      sentAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
      statusReason: string | null;
      subAccountId: number;
      twilioSid: string | null;
      /** Format: date-time */
      updatedAt: string;
      userId: number | null;
    };
    SmsMessageDto: {
      attempts: number;
      campaignId: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** @enum {string} */
      direction: 'outbound' | 'inbound';
      /** @enum {string} */
      encoding: 'GSM-7' | 'UCS-2';
      errorCode: number | null;
      errorMessage: string | null;
      fromNumber: string | null;
      id: number;
      leadId: number | null;
      message: string;
      /** Format: date-time */
      notBefore: string;
      phoneNumber: string;
      /** @description Twilio's price (negative), per message */
      price: string | null;
      priceUnit: string | null;
      segments: number;
      /** Format: date-time */
      sentAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
      statusReason: string | null;
      subAccountId: number;
      twilioSid: string | null;
      /** Format: date-time */
      updatedAt: string;
      userId: number | null;
    };
    SmsSequenceDto: {
      activeEnrollments: number;
      enabled: boolean;
      /** @description null until the sequence is first saved */
      id: number | null;
      steps: components['schemas']['SequenceStepDto'][];
      stopStatuses: ('new' | 'contacted' | 'qualified' | 'customer' | 'lost')[];
      strategyId: number;
      /** Format: date-time */
      updatedAt: string | null;
    };
    SmsSettingsDto: {
      accountSid: string | null;
      /** @description Last 4 characters of the auth token */
      authTokenLast4: string | null;
      /** @enum {string} */
      credentialsSource: 'subaccount' | 'environment' | 'none';
      /** @enum {string} */
      credentialsStatus: 'ok' | 'rejected' | 'unknown';
      defaultCountry: string;
      dispatchPaused: boolean;
      dispatchPausedReason: string | null;
      effectiveRateLimitPerMinute: number;
      /** @description The rate the dispatcher keeps, in segments per second */
      effectiveSegmentsPerSecond: number;
      /** @description The number or Messaging Service SID sends really use (the environment’s when the SubAccount has none) */
      effectiveSender: string | null;
      /** @description USD per segment used for estimates before Twilio reports a price */
      estimatedPricePerSegment: number;
      helpText: string | null;
      /** @description The URL to set as the Twilio number's 'A message comes in' webhook */
      inboundWebhookUrl: string;
      maxInFlight: number | null;
      messagingServiceSid: string | null;
      /** @enum {string} */
      mode: 'simulator' | 'live';
      phoneNumber: string | null;
      quietHoursDays: number[];
      quietHoursEnabled: boolean;
      quietHoursEnd: string;
      quietHoursStart: string;
      rateLimitPerMinute: number | null;
      rateSegmentsPerSecond: number | null;
      /** @enum {string} */
      senderSource: 'subaccount' | 'environment' | 'none';
      spendingCapSegments: number | null;
      /** @description Twilio's status callback for this API (set on every send) */
      statusWebhookUrl: string;
      /** @description Sends from the installation's shared sender (no number of its own) */
      usesSharedSender: boolean;
    };
    SmsStatsDto: {
      /** @description The last 30 days: { "YYYY-MM-DD": { … } } */
      dailyStats: {
        [key: string]: components['schemas']['PeriodStatsDto'];
      };
      /** @description delivered / sent, 0..1 */
      deliveryRate: number;
      /** @description { "YYYY-MM": { sent, delivered, failed, undelivered, segments, cost } } */
      monthlyStats: {
        [key: string]: components['schemas']['PeriodStatsDto'];
      };
      thisMonth: components['schemas']['PeriodStatsDto'];
      totalCost: number;
      totalDelivered: number;
      totalFailed: number;
      totalSegments: number;
      totalSent: number;
      totalUndelivered: number;
    };
    SmsTemplateDto: {
      body: string;
      /** Format: date-time */
      createdAt: string;
      id: number;
      name: string;
      strategyId: number | null;
      /** Format: date-time */
      updatedAt: string;
      variables: string[];
    };
    SmsTriggerDto: {
      /** Format: date-time */
      createdAt: string;
      delayMinutes: number;
      enabled: boolean;
      /** @enum {string} */
      event: 'lead_created' | 'status_changed';
      /** @description Messages this trigger has sent */
      firedCount: number;
      id: number;
      name: string;
      templateId: number;
      templateName: string;
      /** @enum {string|null} */
      toStatus: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost' | null;
      /** Format: date-time */
      updatedAt: string;
    };
    StrategyDto: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      id: number;
      name: string;
      subAccountId: number;
      tag: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    StreamTicketDto: {
      /** @description Seconds the ticket stays valid */
      expiresIn: number;
      /** @description Pass as ?ticket= when opening an event stream; good once */
      ticket: string;
    };
    SubAccountDto: {
      /** Format: date-time */
      createdAt: string;
      defaultCountry: string;
      id: number;
      name: string;
      timeZone: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SubAccountSummaryDto: {
      defaultCountry: string;
      id: number;
      name: string;
      timeZone: string;
    };
    TestConnectionDto: {
      message: string;
      ok: boolean;
    };
    TokensDto: {
      accessToken: string;
      /** @description Seconds until the access token expires */
      expiresIn: number;
      refreshToken: string;
      user: components['schemas']['MeDto'];
    };
    UnassignedMessageDto: {
      assignedAt: string | null;
      assignedMessageId: number | null;
      assignedSubAccountId: number | null;
      body: string;
      /** @description SubAccounts that know this phone (empty: none) */
      candidateSubAccountIds: number[];
      /** @description Who wrote it */
      fromNumber: string;
      id: number;
      /** @enum {string|null} */
      keyword: 'opt_out' | 'opt_in' | 'help' | null;
      messagingServiceSid: string | null;
      receivedAt: string;
      /** @description The number it was sent to */
      toNumber: string | null;
    };
    UnreadCountDto: {
      count: number;
    };
    UnreadSummaryDto: {
      /** @description Conversations with unread replies, for the caller */
      conversations: number;
    };
    UpdateCampaignDto: {
      message?: string;
      name?: string;
      /** @description ISO 8601 with offset; null to send as soon as started */
      scheduledAt?: string | null;
    };
    UpdateLeadDto: {
      company?: string | null;
      email?: string | null;
      /** @example Jane Cooper */
      name?: string;
      notes?: string | null;
      ownerId?: number | null;
      /**
       * @description Any format; stored E.164 using the SubAccount's default country; null or blank clears it
       * @example (555) 123-4567
       */
      phone?: string | null;
      /** @enum {string} */
      status?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
      strategyId?: number | null;
      /** @example America/Chicago */
      timeZone?: string | null;
    };
    UpdateNotificationPreferencesDto: {
      deadLetterThreshold?: number;
      disabledTypes?: (
        | 'campaign_completed'
        | 'campaign_stopped'
        | 'credentials_rejected'
        | 'spending_cap_80'
        | 'spending_cap_100'
        | 'dead_letters'
        | 'lead_reply'
      )[];
    };
    UpdateSmsSettingsDto: {
      /** @example AC0123456789abcdef0123456789abcdef */
      accountSid?: string | null;
      /** @description Write-only: never returned */
      authToken?: string | null;
      /** @example US */
      defaultCountry?: string;
      helpText?: string | null;
      maxInFlight?: number | null;
      /** @example MG0123456789abcdef0123456789abcdef */
      messagingServiceSid?: string | null;
      /** @example +14155550100 */
      phoneNumber?: string | null;
      /** @description ISO weekdays 1 (Mon) … 7 (Sun) */
      quietHoursDays?: number[];
      quietHoursEnabled?: boolean;
      /** @example 08:00 */
      quietHoursEnd?: string;
      /** @example 21:00 */
      quietHoursStart?: string;
      rateLimitPerMinute?: number | null;
      /** @description Twilio's unit: message segments per second from this sender; wins over rateLimitPerMinute */
      rateSegmentsPerSecond?: number | null;
      /** @description Segments per calendar month; null for no cap */
      spendingCapSegments?: number | null;
    };
    UpdateStrategyDto: {
      description?: string | null;
      /** @example Roof inspection follow-up */
      name?: string;
      /** @example nurture */
      tag?: string | null;
    };
    UpdateSubAccountDto: {
      /**
       * @description Default country for phone numbers (ISO 3166-1 alpha-2)
       * @example US
       */
      defaultCountry?: string;
      /** @example Acme Roofing */
      name?: string;
      /**
       * @description IANA time zone
       * @example America/New_York
       */
      timeZone?: string;
    };
    UpdateTemplateDto: {
      /** @example Hi {{first_name|there}}, see you at {{time}}. */
      body?: string;
      /** @example Appointment reminder */
      name?: string;
      /** @description null: not linked to a strategy */
      strategyId?: number | null;
    };
    UpdateTriggerDto: {
      /** @description Minutes between the event and the send */
      delayMinutes?: number;
      /** @default true */
      enabled?: boolean;
      /** @enum {string} */
      event?: 'lead_created' | 'status_changed';
      /** @example Welcome new leads */
      name?: string;
      templateId?: number;
      /**
       * @description Required for status_changed
       * @enum {string|null}
       */
      toStatus?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost' | null;
    };
    UpdateUserDto: {
      disabled?: boolean;
      name?: string;
      /** @description At most 72 bytes in UTF-8 */
      password?: string;
      /** @enum {string} */
      role?: 'user' | 'manager';
    };
    UsageReportDto: {
      /** @description Twilio's price unit for the SubAccounts' accounts */
      currency: string;
      /** @description YYYY-MM-DD (UTC), inclusive */
      from: string;
      /** @description Per SubAccount and month with traffic, by month */
      rows: components['schemas']['UsageRowDto'][];
      /** @description Every SubAccount in the report, zeros included */
      subAccounts: components['schemas']['UsageSubAccountDto'][];
      /**
       * @description Days and months are UTC
       * @enum {string}
       */
      timeZone: 'UTC';
      /** @description YYYY-MM-DD (UTC), inclusive */
      to: string;
      totals: components['schemas']['UsageTotalsDto'];
    };
    UsageRowDto: {
      /** @description Sum of Twilio's prices, in `currency` */
      cost: number;
      delivered: number;
      /** @description delivered / messages, 0..1 (as on the SMS dashboard) */
      deliveryRate: number;
      failed: number;
      /** @description Outbound messages Twilio accepted (sent) */
      messages: number;
      /** @description YYYY-MM, a UTC month */
      month: string;
      /** @description Segments of the sent messages */
      segments: number;
      subAccountId: number;
      subAccountName: string;
      undelivered: number;
    };
    UsageSubAccountDto: {
      /** @description Sum of Twilio's prices, in `currency` */
      cost: number;
      delivered: number;
      /** @description delivered / messages, 0..1 (as on the SMS dashboard) */
      deliveryRate: number;
      failed: number;
      /** @description Outbound messages Twilio accepted (sent) */
      messages: number;
      /** @description Segments of the sent messages */
      segments: number;
      subAccountId: number;
      subAccountName: string;
      undelivered: number;
    };
    UsageTotalsDto: {
      /** @description Sum of Twilio's prices, in `currency` */
      cost: number;
      delivered: number;
      /** @description delivered / messages, 0..1 (as on the SMS dashboard) */
      deliveryRate: number;
      failed: number;
      /** @description Outbound messages Twilio accepted (sent) */
      messages: number;
      /** @description Segments of the sent messages */
      segments: number;
      undelivered: number;
    };
    UserDto: {
      /** Format: date-time */
      createdAt: string;
      disabled: boolean;
      email: string;
      id: number;
      name: string;
      /** @enum {string} */
      role: 'user' | 'manager';
      subAccountId: number;
      /** Format: date-time */
      updatedAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  AuthController_login: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokensDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description New tokens; every other session of the account has ended */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokensDto'];
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokensDto'];
        };
      };
    };
  };
  AuthController_streamTicket: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamTicketDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every check is ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              [key: string]: {
                /** @enum {string} */
                status: 'ok' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'down';
          };
        };
      };
      /** @description A check is down (Retry-After when the database is) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              [key: string]: {
                /** @enum {string} */
                status: 'ok' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'down';
          };
        };
      };
    };
  };
  LeadsController_list: {
    parameters: {
      query?: {
        limit?: number;
        ownerId?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        /** @description replied: texted back; never_texted: no SMS sent yet */
        sms?: 'replied' | 'opted_out' | 'never_texted';
        status?: 'new' | 'contacted' | 'qualified' | 'customer' | 'lost';
        strategyId?: number;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['LeadListItemDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  LeadsController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateLeadDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadDto'];
        };
      };
    };
  };
  LeadsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadDto'];
        };
      };
    };
  };
  LeadsController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LeadsController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateLeadDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadDto'];
        };
      };
    };
  };
  LeadSmsController_thread: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsMessageDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  LeadSmsController_optOut: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadOptOutDto'];
        };
      };
    };
  };
  LeadSmsController_setOptOut: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetLeadOptOutDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadOptOutDto'];
        };
      };
    };
  };
  SequencesController_forLead: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadSequenceDto'];
        };
      };
    };
  };
  SequencesController_enroll: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Enrols the lead in its strategy's sequence */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadSequenceDto'];
        };
      };
    };
  };
  SequencesController_stop: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ends the lead's active enrolment (reason manual) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadSequenceDto'];
        };
      };
    };
  };
  LeadSmsController_timeline: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadTimelineDto'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        /** @description true: unread only */
        unread?: 'true' | 'false';
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['NotificationDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  NotificationsController_markRead: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationDto'];
        };
      };
    };
  };
  NotificationsController_preferences: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
    };
  };
  NotificationsController_savePreferences: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateNotificationPreferencesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferencesDto'];
        };
      };
    };
  };
  NotificationsController_markAllRead: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadAllResultDto'];
        };
      };
    };
  };
  NotificationsController_stream: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `event: unread` with the unread count, now and on every change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
    };
  };
  NotificationsController_unreadCount: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountDto'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description An action, or a prefix ending in "." */
        action?: string;
        /** @description user, admin, system or twilio; optionally :id */
        actor?: string;
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        from?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntryDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  CampaignsController_upload: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          dryRun?: boolean;
          /** Format: binary */
          file: string;
          message: string;
          name?: string;
          phoneColumn?: string;
          scheduledAt?: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReportDto'];
        };
      };
    };
  };
  CampaignsController_list: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        status?: 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'canceled' | 'failed';
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsCampaignDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  CampaignsController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCampaignDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReportDto'];
        };
      };
    };
  };
  CampaignsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CampaignsController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCampaignDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_cancel: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_stream: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The campaign's progress as it changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
    };
  };
  CampaignsController_messages: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        status?: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsMessageDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  CampaignsController_pause: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_rejections: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rows refused at import, with their reasons */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
    };
  };
  CampaignsController_resume: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_retryFailed: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsCampaignDto'];
        };
      };
    };
  };
  CampaignsController_createFromLeads: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCampaignFromLeadsDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadsImportReportDto'];
        };
      };
    };
  };
  ConversationsController_list: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        /** @description The lead's owner (assigned user) */
        ownerId?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        /** @description Only conversations with replies the caller has not read */
        unread?: boolean;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ConversationDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  ConversationsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConversationDto'];
        };
      };
    };
  };
  ConversationsController_messages: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsMessageDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  ConversationsController_read: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConversationsController_unread: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadSummaryDto'];
        };
      };
    };
  };
  MessageWaitsController_list: {
    parameters: {
      query: {
        /** @description Message ids, comma-separated, at most 50 */
        ids: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageWaitsDto'];
        };
      };
    };
  };
  SmsController_list: {
    parameters: {
      query?: {
        campaignId?: number;
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        direction?: 'outbound' | 'inbound';
        /** @description Created at or after (ISO 8601) */
        from?: string;
        leadId?: number;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        status?: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
        /** @description Created at or before (ISO 8601) */
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsMessageDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  SmsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsMessageDetailDto'];
        };
      };
    };
  };
  SmsController_cancel: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsMessageDto'];
        };
      };
    };
  };
  SmsController_retry: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsMessageDto'];
        };
      };
    };
  };
  SmsController_export: {
    parameters: {
      query?: {
        campaignId?: number;
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        direction?: 'outbound' | 'inbound';
        /** @description Created at or after (ISO 8601) */
        from?: string;
        leadId?: number;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        status?: 'pending' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled' | 'received';
        /** @description Created at or before (ISO 8601) */
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The messages matching the filters */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
    };
  };
  OptOutsController_list: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['OptOutDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  OptOutsController_add: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddOptOutDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OptOutDto'];
        };
      };
    };
  };
  OptOutsController_remove: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OptOutsController_import: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OptOutImportReportDto'];
        };
      };
    };
  };
  ReportsController_failures: {
    parameters: {
      query?: {
        /** @description First day, inclusive, YYYY-MM-DD in UTC (default: usage 12 months back, failures 30 days back) */
        from?: string;
        /** @description One SubAccount. Admins without it get every SubAccount they manage (the X-SubAccount-Id header does not narrow a report); users always get their own. */
        subAccountId?: number;
        /** @description Last day, inclusive, YYYY-MM-DD in UTC (default: today) */
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FailureReportDto'];
        };
      };
    };
  };
  ReportsController_usage: {
    parameters: {
      query?: {
        /** @description First day, inclusive, YYYY-MM-DD in UTC (default: usage 12 months back, failures 30 days back) */
        from?: string;
        /** @description One SubAccount. Admins without it get every SubAccount they manage (the X-SubAccount-Id header does not narrow a report); users always get their own. */
        subAccountId?: number;
        /** @description Last day, inclusive, YYYY-MM-DD in UTC (default: today) */
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UsageReportDto'];
        };
      };
    };
  };
  ReportsController_usageCsv: {
    parameters: {
      query?: {
        /** @description First day, inclusive, YYYY-MM-DD in UTC (default: usage 12 months back, failures 30 days back) */
        from?: string;
        /** @description One SubAccount. Admins without it get every SubAccount they manage (the X-SubAccount-Id header does not narrow a report); users always get their own. */
        subAccountId?: number;
        /** @description Last day, inclusive, YYYY-MM-DD in UTC (default: today) */
        to?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The usage report, one row per SubAccount and month */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
    };
  };
  SmsController_send: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retried request with the same key returns the same message */
        'Idempotency-Key'?: string;
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendSmsDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SendResultDto'];
        };
      };
    };
  };
  SmsSettingsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsSettingsDto'];
        };
      };
    };
  };
  SmsSettingsController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSmsSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsSettingsDto'];
        };
      };
    };
  };
  SmsSettingsController_test: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestConnectionDto'];
        };
      };
    };
  };
  SmsController_getStats: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsStatsDto'];
        };
      };
    };
  };
  TemplatesController_list: {
    parameters: {
      query?: {
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
        /** @description Only the templates linked to this strategy (a lead's strategy templates) */
        strategyId?: number;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsTemplateDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  TemplatesController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTemplateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTemplateDto'];
        };
      };
    };
  };
  TemplatesController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTemplateDto'];
        };
      };
    };
  };
  TemplatesController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TemplatesController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTemplateDto'];
        };
      };
    };
  };
  TriggersController_list: {
    parameters: {
      query?: {
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SmsTriggerDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  TriggersController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTriggerDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTriggerDto'];
        };
      };
    };
  };
  TriggersController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTriggerDto'];
        };
      };
    };
  };
  TriggersController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TriggersController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTriggerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsTriggerDto'];
        };
      };
    };
  };
  UnassignedController_list: {
    parameters: {
      query?: {
        /** @description The previous page's nextCursor: the next page, stable while new rows arrive (page is ignored) */
        cursor?: string;
        limit?: number;
        page?: number;
        /** @description open: not yet filed */
        state?: 'open' | 'all';
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['UnassignedMessageDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  UnassignedController_assign: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignUnassignedDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnassignedMessageDto'];
        };
      };
    };
  };
  StrategiesController_list: {
    parameters: {
      query?: {
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StrategyDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  StrategiesController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateStrategyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StrategyDto'];
        };
      };
    };
  };
  StrategiesController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StrategyDto'];
        };
      };
    };
  };
  StrategiesController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  StrategiesController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateStrategyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StrategyDto'];
        };
      };
    };
  };
  SequencesController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsSequenceDto'];
        };
      };
    };
  };
  SequencesController_save: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveSequenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SmsSequenceDto'];
        };
      };
    };
  };
  SubAccountsController_list: {
    parameters: {
      query?: {
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SubAccountDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  SubAccountsController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSubAccountDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubAccountDto'];
        };
      };
    };
  };
  SubAccountsController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubAccountDto'];
        };
      };
    };
  };
  SubAccountsController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SubAccountsController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSubAccountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubAccountDto'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        limit?: number;
        page?: number;
        /** @description Free-text search */
        search?: string;
      };
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['UserDto'][];
            limit: number;
            /** @description cursor for the next page; null on the last */
            nextCursor?: string | null;
            page: number;
            total: number;
            /** @description false: total is an estimate (over 1,000 rows match; 100 for a search) */
            totalExact?: boolean;
          };
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
  UsersController_delete: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: {
        'X-SubAccount-Id'?: number;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
    };
  };
}

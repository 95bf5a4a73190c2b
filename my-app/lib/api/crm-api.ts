import { dataOf, done, typedApi } from '@/lib/api/typed-client';
import { refreshSession } from '@/lib/api/session';
import { authStorage } from '@/lib/auth-storage';
import type { PaginationParams } from '@/types/api';
import type { LeadDto, LeadListParams, LoginDto, StrategyDto, SubAccountDto } from '@/types/crm';

const byId = (id: number) => ({ params: { path: { id } } });

export const authApi = {
  login: (body: LoginDto) => dataOf(typedApi.POST('/api/auth/login', { body })),
  refresh: refreshSession,
  async logout(): Promise<void> {
    const refreshToken = authStorage.getRefreshToken();
    try {
      if (refreshToken) await done(typedApi.POST('/api/auth/logout', { body: { refreshToken } }));
    } finally {
      authStorage.clearTokens();
      authStorage.setSubAccountId(null);
    }
  },
  me: () => dataOf(typedApi.GET('/api/auth/me')),
};

export const crmApi = {
  getSubAccounts: (query?: PaginationParams) => dataOf(typedApi.GET('/api/subaccounts', { params: { query } })),
  getSubAccount: (id: number) => dataOf(typedApi.GET('/api/subaccounts/{id}', byId(id))),
  createSubAccount: (body: SubAccountDto) => dataOf(typedApi.POST('/api/subaccounts', { body })),
  updateSubAccount: (id: number, body: Partial<SubAccountDto>) =>
    dataOf(typedApi.PATCH('/api/subaccounts/{id}', { ...byId(id), body })),
  deleteSubAccount: (id: number) => done(typedApi.DELETE('/api/subaccounts/{id}', byId(id))),

  getUsers: (query?: PaginationParams) => dataOf(typedApi.GET('/api/users', { params: { query } })),

  getStrategies: (query?: PaginationParams) => dataOf(typedApi.GET('/api/strategies', { params: { query } })),
  getStrategy: (id: number) => dataOf(typedApi.GET('/api/strategies/{id}', byId(id))),
  createStrategy: (body: StrategyDto) => dataOf(typedApi.POST('/api/strategies', { body })),
  updateStrategy: (id: number, body: Partial<StrategyDto>) =>
    dataOf(typedApi.PATCH('/api/strategies/{id}', { ...byId(id), body })),
  deleteStrategy: (id: number) => done(typedApi.DELETE('/api/strategies/{id}', byId(id))),

  getLeads: (query?: LeadListParams) => dataOf(typedApi.GET('/api/leads', { params: { query } })),
  getLead: (id: number) => dataOf(typedApi.GET('/api/leads/{id}', byId(id))),
  createLead: (body: LeadDto) => dataOf(typedApi.POST('/api/leads', { body })),
  updateLead: (id: number, body: Partial<LeadDto>) => dataOf(typedApi.PATCH('/api/leads/{id}', { ...byId(id), body })),
  deleteLead: (id: number) => done(typedApi.DELETE('/api/leads/{id}', byId(id))),
};

import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { AuthContext } from './auth-context';
import { AdminOnly, Public } from './auth.decorators';
import { accessRoleOf, RequireRole } from './roles';
import { RolesGuard } from './roles.guard';

class Routes {
  @Public() open() {}
  @RequireRole('subaccount_admin') settings() {}
  @RequireRole('system_admin') unassigned() {}
  @AdminOnly() subaccounts() {}
  undecided() {}
}

const user = (kind: AuthContext['kind'], role: AuthContext['role']): AuthContext => ({
  kind,
  role,
  id: 1,
  email: 'x@test',
  subAccountId: 1,
});

function allows(handler: keyof Routes, auth?: AuthContext): boolean | string {
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ auth }) }),
  } as unknown as ExecutionContext;
  try {
    return new RolesGuard(new Reflector()).canActivate(context);
  } catch (e) {
    return (e as Error).message;
  }
}

describe(RolesGuard.name, () => {
  it('maps logins to the three roles', () => {
    expect(accessRoleOf(user('admin', 'super_admin'))).toBe('system_admin');
    expect(accessRoleOf(user('admin', 'admin'))).toBe('subaccount_admin');
    expect(accessRoleOf(user('user', 'manager'))).toBe('subaccount_admin');
    expect(accessRoleOf(user('user', 'user'))).toBe('user');
  });

  it('refuses a route that has no role decision, whoever calls it', () => {
    expect(allows('undecided', user('admin', 'super_admin'))).toMatch(/no role decision/);
  });

  it('lets a role through when it reaches the route, and names the role it lacks otherwise', () => {
    expect(allows('open')).toBe(true);
    expect(allows('settings', user('user', 'manager'))).toBe(true);
    expect(allows('settings', user('user', 'user'))).toMatch(/Only a SubAccount admin/);
    expect(allows('unassigned', user('admin', 'admin'))).toBe('Only a system admin can do this');
    expect(allows('unassigned', user('admin', 'super_admin'))).toBe(true);
    expect(allows('subaccounts', user('user', 'user'))).toBe(true); // AuthGuard checks the admin login
  });
});

import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, SSE_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ADMIN_ONLY, IS_PUBLIC } from 'src/core/auth/auth.decorators';
import { REQUIRED_ROLE, type AccessRole } from 'src/core/auth/roles';

/** A route's role decision: public, a least role, or an admin login (@AdminOnly); 'none' must never appear. */
export type Decision = 'public' | AccessRole | 'admin_login' | 'none';

export interface RouteDecision {
  method: string;
  path: string;
  decision: Decision;
  sse: boolean;
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');

function decisionOf(handler: object, controller: Type): Decision {
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
  if (read<boolean>(IS_PUBLIC)) return 'public';
  const role = read<AccessRole>(REQUIRED_ROLE);
  if (role) return role;
  return read<boolean>(ADMIN_ONLY) ? 'admin_login' : 'none';
}

/** Every handler of every controller the app mounted, with its role decision, read from Nest's metadata. */
export function routeDecisions(app: NestFastifyApplication, prefix = 'api'): RouteDecision[] {
  const out: RouteDecision[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
        out.push({
          method,
          path: join(prefix, base, path),
          decision: decisionOf(handler, controller),
          sse: Boolean(Reflect.getMetadata(SSE_METADATA, handler)),
        });
      }
    }
  }
  return out.sort((x, y) => x.path.localeCompare(y.path) || x.method.localeCompare(y.method));
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export interface Route {
  method: Method;
  path: string;
}

/**
 * Collects every route Fastify is given from here on (call it before `init`), so tests can walk what the app
 * serves and a new route joins the walk without editing them. HEAD routes Fastify adds for each GET are left out.
 */
export function recordServedRoutes(app: NestFastifyApplication): Route[] {
  const routes: Route[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method: method.toLowerCase() as Method, path: route.url });
      }
    });
  return routes;
}

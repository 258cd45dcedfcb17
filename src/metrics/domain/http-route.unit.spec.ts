import { describe, expect, it } from '@jest/globals';
import { MODULE_METADATA, PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { AppModule } from '../../app.module.js';
import { loadConfig } from '../../config/config.js';
import { methodLabel, OTHER_ROUTE, ROUTE_TEMPLATES, routeTemplate } from './http-route.js';

describe('the route label of a request path', () => {
  it('maps feed, API and page paths to their templates', () => {
    expect(routeTemplate('/feeds/watches/dprk-troops-russia/actors/russia.atom')).toBe('/feeds/watches/:watch/actors/:actor.atom');
    expect(routeTemplate('/feeds/watches/dprk-troops-russia/actors/russia.json')).toBe('/feeds/watches/:watch/actors/:actor.json');
    expect(routeTemplate('/feeds/watches/dprk-troops-russia/claims.atom')).toBe('/feeds/watches/:watch/claims.atom');
    expect(routeTemplate('/feeds/changes.json')).toBe('/feeds/changes.json');
    expect(routeTemplate('/api/watches/dprk-troops-russia/stances')).toBe('/api/watches/:watch/stances');
    expect(routeTemplate('/api/watches/w/actors/a%20b/why')).toBe('/api/watches/:watch/actors/:actor/why');
    expect(routeTemplate('/api/admin/webhooks/wh_1/deliveries/17/retry')).toBe('/api/admin/webhooks/:id/deliveries/:alertId/retry');
    expect(routeTemplate('/')).toBe('/');
    expect(routeTemplate('/api/watches/')).toBe('/api/watches'); // Express answers with or without the slash
  });

  it('maps every other path to one label, whatever it holds', () => {
    for (const path of ['/wp-login.php', '/feeds/changes.xml', '/feeds/watches/w/actors/a/b.atom', '/api/watches/w/stances/extra', '/api/watches//stances', '/feeds/watches/w/actors/.atom']) {
      expect([path, routeTemplate(path)]).toEqual([path, OTHER_ROUTE]);
    }
  });

  it('has a template for every route a controller serves', () => {
    const served = controllerRoutes();
    expect(served.length).toBeGreaterThan(15);
    for (const route of served) expect([route, routeTemplate(route)]).toEqual([route, route]);
  });

  it('each template maps to itself once its parameters are filled in', () => {
    for (const template of ROUTE_TEMPLATES) expect(routeTemplate(template.replace(/:[A-Za-z]+/g, 'x-1'))).toBe(template);
  });

  it('bounds the method label too', () => {
    expect(methodLabel('GET')).toBe('GET');
    expect(methodLabel('DELETE')).toBe('DELETE');
    expect(methodLabel('PROPFIND')).toBe(OTHER_ROUTE);
    expect(methodLabel('get')).toBe(OTHER_ROUTE);
  });
});

/** Every path the application's controllers answer, as `/a/:b` templates, from Nest's metadata. */
function controllerRoutes(): string[] {
  const routes = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (entry: unknown): void => {
    const dynamic = entry as { module?: object; imports?: unknown[]; controllers?: unknown[] };
    const module = (dynamic.module ?? entry) as object;
    if (seen.has(entry)) return;
    seen.add(entry);
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) as unknown[]) ?? []), ...(dynamic.imports ?? [])];
    const controllers = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) as unknown[]) ?? []), ...(dynamic.controllers ?? [])];
    for (const controller of controllers as (new () => object)[]) {
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
        routes.add(`/${[base, path].flatMap((part) => part.split('/')).filter(Boolean).join('/')}`);
      }
    }
    for (const imported of imports) visit(imported);
  };
  visit(AppModule.forRoot(loadConfig({}), { scheduler: true }));
  return [...routes].sort();
}
